package dev.iicsctl.client.taskflow;

import dev.iicsctl.client.RunTimeoutException;

/**
 * Waiting for a taskflow run gave up after the timeout; the run was left alone. {@link #handle()} and
 * {@link #lastKnown()} of the job-shaped parent are {@code null}: use {@link #run()} and {@link #lastSeen()}.
 */
public class TaskflowTimeoutException extends RunTimeoutException {
    private static final long serialVersionUID = 1L;

    private final transient TaskflowRun run;
    private final transient TaskflowResult lastSeen;

    /**
     * @param message one-line message
     * @param run the awaited run
     * @param lastSeen the last state seen
     */
    public TaskflowTimeoutException(String message, TaskflowRun run, TaskflowResult lastSeen) {
        super(message, null, null);
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
}
