package dev.iicsctl.client;

import dev.iicsctl.client.job.RunHandle;

/**
 * The task already has a running job and the start policy was
 * {@link dev.iicsctl.client.job.IfRunning#FAIL}. Nothing was started.
 */
public class TaskAlreadyRunningException extends IicsException {
    private static final long serialVersionUID = 1L;

    private final transient RunHandle running;

    /**
     * @param message one-line message naming the fix
     * @param running the run that is already going
     */
    public TaskAlreadyRunningException(String message, RunHandle running) {
        super(message);
        this.running = running;
    }

    /** @return the run that is already going (not started by this client) */
    public RunHandle running() {
        return running;
    }
}
