package dev.iicsctl.client;

/**
 * The start was abandoned through its {@link StartControl} before a request for it was sent (or sent again):
 * nothing was started by this call.
 */
public class StartCancelledException extends IicsException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the start
     */
    public StartCancelledException(String message) {
        super(message);
    }
}
