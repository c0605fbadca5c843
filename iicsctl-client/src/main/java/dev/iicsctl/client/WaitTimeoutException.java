package dev.iicsctl.client;

import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.task.TaskRef;

/**
 * Waiting for a run gave up after the requested timeout; the run itself was left alone, and the caller decides
 * whether to leave it running or to stop it. A job's wait throws a {@link RunTimeoutException}, a taskflow's a
 * {@link dev.iicsctl.client.taskflow.TaskflowTimeoutException}; each adds the values of its own kind of run.
 */
public abstract class WaitTimeoutException extends IicsException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one-line message
     */
    protected WaitTimeoutException(String message) {
        super(message);
    }

    /** @return the task or taskflow whose run was awaited */
    public abstract TaskRef task();

    /** @return the awaited run's id as text: a job's number, or a taskflow's run id */
    public abstract String runId();

    /** @return the last state seen before the timeout (never a final one), or {@code null} when none was seen */
    public abstract RunState lastState();
}
