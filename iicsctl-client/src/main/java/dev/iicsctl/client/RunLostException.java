package dev.iicsctl.client;

import dev.iicsctl.client.job.RunHandle;

/**
 * IICS no longer shows a run that was being followed: it has been in neither the activity monitor nor the
 * activity log for longer than a run may stay invisible (the reconcile window), for instance because the
 * service was restarted or the run was deleted. Its outcome is unknown; it is never reported as a success.
 */
public class RunLostException extends IicsException {
    private static final long serialVersionUID = 1L;

    private final transient RunHandle handle;

    /**
     * @param message one-line message
     * @param handle the run that was followed
     */
    public RunLostException(String message, RunHandle handle) {
        super(message);
        this.handle = handle;
    }

    /** @return the run that was followed */
    public RunHandle handle() {
        return handle;
    }
}
