package dev.iicsctl.client;

/**
 * The service could not be reached, or stopped answering, after the allowed retries; or the outcome of a
 * start request stayed unknown (see {@link #outcomeUnknown()}).
 */
public class IicsConnectionException extends IicsException {
    private static final long serialVersionUID = 1L;

    /** Whether the request may have reached IICS. */
    private final boolean outcomeUnknown;

    /**
     * @param message one-line message naming the fix
     * @param cause the I/O error, or {@code null}
     */
    public IicsConnectionException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param message one-line message naming the fix
     * @param cause the I/O error, or {@code null}
     * @param outcomeUnknown {@code true} when a job may have been started but could not be confirmed
     */
    public IicsConnectionException(String message, Throwable cause, boolean outcomeUnknown) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    /**
     * @return {@code true} when a start request may have started a job that could not be found afterwards;
     *     check the activity monitor before starting again
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    @Override
    public String detail() {
        Throwable c = getCause();
        return c == null ? getMessage()
                : getMessage() + System.lineSeparator() + "  cause: " + c.getClass().getSimpleName()
                        + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }
}
