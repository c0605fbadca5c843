package dev.iicsctl.client;

/**
 * Authentication failed: the login was refused (bad user name or password), or a session could not be
 * renewed. A login refused for bad credentials is never retried, so that an account is not locked by
 * repeated failures.
 */
public class IicsAuthException extends IicsException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status of the answer. */
    private final int httpStatus;
    /** The IICS error code, or {@code null}. */
    private final String code;

    /**
     * @param message one-line message naming the fix, without secrets
     * @param httpStatus HTTP status of the refusal, or 0 when none was received
     * @param code IICS error code such as {@code UI_10000} or {@code IDS_085}, or {@code null}
     */
    public IicsAuthException(String message, int httpStatus, String code) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    /** @return HTTP status of the refusal, or 0 when none was received */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the IICS error code, or {@code null} */
    public String code() {
        return code;
    }

    @Override
    public String detail() {
        return getMessage() + System.lineSeparator() + "  HTTP status: " + httpStatus
                + System.lineSeparator() + "  IICS code: " + code;
    }
}
