package dev.iicsctl.client.taskflow;

import dev.iicsctl.client.WaitTimeoutException;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.task.TaskRef;

/**
 * Waiting for a taskflow run gave up after the timeout; the run was left alone. Its sibling for a job's run is
 * {@link dev.iicsctl.client.RunTimeoutException}; catch {@link WaitTimeoutException} for both.
 */
public class TaskflowTimeoutException extends WaitTimeoutException {
    private static final long serialVersionUID = 1L;

    private final transient TaskflowRun run;
    private final transient TaskflowResult lastSeen;

    /**
     * @param message one-line message
     * @param run the awaited run
     * @param lastSeen the last state seen
     */
    public TaskflowTimeoutException(String message, TaskflowRun run, TaskflowResult lastSeen) {
        super(message);
        this.run = run;
        this.lastSeen = lastSeen;
    }

    /** @return the awaited run */
    public TaskflowRun run() {
        return run;
    }

    /** @return the last state seen before the timeout */
    public TaskflowResult lastSeen() {
        return lastSeen;
    }

    @Override
    public TaskRef task() {
        return run.taskflow();
    }

    @Override
    public String runId() {
        return run.runId();
    }

    @Override
    public RunState lastState() {
        return lastSeen == null ? null : lastSeen.state();
    }
}
