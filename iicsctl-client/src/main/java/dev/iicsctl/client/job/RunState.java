package dev.iicsctl.client.job;

/**
 * The state of a run. Final states come only from the run's activity log entry; the activity monitor gives
 * the states of running jobs.
 */
public enum RunState {
    /** Started but neither in the activity monitor nor in the activity log yet (IICS shows runs with a delay). */
    NOT_YET_VISIBLE(false),
    /** Waiting for resources (monitor {@code QUEUED} or {@code INITIALIZED}). */
    QUEUED(false),
    /**
     * Running (monitor {@code RUNNING} or {@code STOPPING}; also the short time after the run left the monitor
     * and before its activity log entry appeared).
     */
    RUNNING(false),
    /** Finished successfully (activity log {@code state} 1). */
    SUCCEEDED(true),
    /** Finished with warnings, e.g. rejected rows (activity log {@code state} 2). */
    WARNING(true),
    /** Failed (activity log {@code state} 3, or an unknown state code). */
    FAILED(true),
    /** Stopped by a user ({@code isStopped}, or an error message saying so). */
    STOPPED(true),
    /** A taskflow waiting to be resumed; reserved for taskflow runs. */
    SUSPENDED(true);

    private final boolean terminal;

    RunState(boolean terminal) {
        this.terminal = terminal;
    }

    /** @return {@code true} when the run is over and the state will not change */
    public boolean isTerminal() {
        return terminal;
    }

    /** @return {@code true} for {@link #SUCCEEDED} only */
    public boolean isSuccess() {
        return this == SUCCEEDED;
    }
}
