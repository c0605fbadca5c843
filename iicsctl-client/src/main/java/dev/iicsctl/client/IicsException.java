package dev.iicsctl.client;

/**
 * Root of the small, unchecked exception family thrown by the client.
 *
 * <p>{@link #getMessage()} is always a single line that says what went wrong and how to fix it;
 * it never contains a password or a session id. {@link #detail()} adds redacted technical detail
 * (HTTP status, IICS code, request id, the call that failed) for verbose output.
 *
 * <p>Every public subtype (a test holds this list to the classes):
 * <ul>
 * <li>{@link IicsAuthException}: a login refused, no password for a needed login, a fresh session refused;
 * <li>{@link TaskNotFoundException}: an unknown, ambiguous or unrunnable task;
 * <li>{@link TaskAlreadyRunningException}: a run is going and the policy says not to start another;
 * <li>{@link IicsApiException}: an error answer, or one that is not what was asked for;
 * <li>{@link IicsConnectionException}: no answer (after the retries), or a start whose outcome is unknown;
 * <li>{@link StartCancelledException}: a start abandoned through its {@link StartControl};
 * <li>{@link RunLostException}: a followed run vanished from IICS;
 * <li>{@link WaitTimeoutException}: a wait ran out of time, as a {@link RunTimeoutException} for a job's run or a
 * {@link dev.iicsctl.client.taskflow.TaskflowTimeoutException} for a taskflow's.
 * </ul>
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
