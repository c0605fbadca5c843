package dev.iicsctl.client;

import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.task.TaskRef;

/**
 * Waiting for a job's run gave up after the requested timeout. The job itself was left alone: the caller
 * decides whether to leave it running or to stop it. A taskflow's wait throws its sibling
 * {@link dev.iicsctl.client.taskflow.TaskflowTimeoutException}; catch {@link WaitTimeoutException} for both.
 */
public class RunTimeoutException extends WaitTimeoutException {
    private static final long serialVersionUID = 1L;

    private final transient RunHandle handle;
    private final transient RunResult lastKnown;

    /**
     * @param message one-line message
     * @param handle the run that was awaited
     * @param lastKnown the last state seen before giving up
     */
    public RunTimeoutException(String message, RunHandle handle, RunResult lastKnown) {
        super(message);
        this.handle = handle;
        this.lastKnown = lastKnown;
    }

    /** @return the run that was awaited */
    public RunHandle handle() {
        return handle;
    }

    /** @return the last state seen before the timeout (never a final state), or {@code null} when none was seen */
    public RunResult lastKnown() {
        return lastKnown;
    }

    @Override
    public TaskRef task() {
        return handle.task();
    }

    @Override
    public String runId() {
        return Long.toString(handle.runId());
    }

    @Override
    public RunState lastState() {
        return lastKnown == null ? null : lastKnown.state();
    }
}
