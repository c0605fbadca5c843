package dev.iicsctl.client;

/**
 * Root of the small, unchecked exception family thrown by the client.
 *
 * <p>{@link #getMessage()} is always a single line that says what went wrong and how to fix it;
 * it never contains a password or a session id. {@link #detail()} adds redacted technical detail
 * (HTTP status, IICS code, request id, the call that failed) for verbose output.
 *
 * <p>Subtypes: {@link IicsAuthException}, {@link TaskNotFoundException},
 * {@link TaskAlreadyRunningException}, {@link IicsApiException}, {@link IicsConnectionException},
 * {@link StartCancelledException},
 * {@link RunTimeoutException}.
 */
public abstract class IicsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the problem and the fix, without secrets
     */
    protected IicsException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the problem and the fix, without secrets
     * @param cause the underlying error
     */
    protected IicsException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Redacted multi-line detail for verbose output. Defaults to the message; subtypes add what they know.
     *
     * @return detail text without secrets
     */
    public String detail() {
        return getMessage();
    }
}
