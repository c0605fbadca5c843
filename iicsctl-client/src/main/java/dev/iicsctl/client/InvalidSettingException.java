package dev.iicsctl.client;

import java.util.Objects;

/**
 * A client setting that {@link IicsClient.Builder#build()} refuses. The message names the problem and the fix in
 * the builder's terms; {@link #reason()} and {@link #problem()} let a caller with other terms (a command line's
 * flags) say the fix its own way without rewriting the message.
 */
public class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Which setting is refused. */
    public enum Reason {
        /** No user name was given. */
        MISSING_USERNAME,
        /** The password is empty. */
        EMPTY_PASSWORD,
        /** A timeout or window is zero or negative. */
        NOT_POSITIVE,
        /** The login URL is plain http to a host other than this machine, and insecure http was not allowed. */
        PLAIN_HTTP,
        /** The CA file cannot be read. */
        UNREADABLE_CA_FILE,
        /** The proxy is not {@code host:port} or carries credentials. */
        BAD_PROXY
    }

    /** Which setting is refused. */
    private final Reason reason;
    /** What is wrong, without the fix. */
    private final String problem;

    /**
     * @param reason which setting is refused
     * @param problem what is wrong, without the fix (e.g. {@code refusing to send the password over plain http
     *     to example.com})
     * @param fix how to fix it in the builder's terms, or {@code null} when the problem says it
     */
    public InvalidSettingException(Reason reason, String problem, String fix) {
        super(fix == null ? problem : problem + ": " + fix);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.problem = problem;
    }

    /** @return which setting is refused */
    public Reason reason() {
        return reason;
    }

    /** @return what is wrong, without the fix */
    public String problem() {
        return problem;
    }
}
