package dev.iicsctl.emulator.run;

/** Where a job run is at a given instant. */
public enum JobPhase {
    /** Just started: in neither the activity monitor nor the log yet (the visibility window). */
    HIDDEN(null, 0, "QUEUED"),
    QUEUED("QUEUED", 0, "QUEUED"),
    INITIALIZED("INITIALIZED", 0, "QUEUED"),
    RUNNING("RUNNING", 0, "RUNNING"),
    STOPPING("STOPPING", 0, "STOPPING"),
    SUCCEEDED(null, 1, "SUCCEEDED"),
    WARNING(null, 2, "WARNING"),
    FAILED(null, 3, "FAILED"),
    /** Never started: activity log {@code state} 4. */
    NOT_STARTED(null, 4, "NOT_STARTED"),
    STOPPED(null, 3, "STOPPED");

    private final String executionState;
    private final int logState;
    private final String controlState;

    JobPhase(String executionState, int logState, String controlState) {
        this.executionState = executionState;
        this.logState = logState;
        this.controlState = controlState;
    }

    /** The activity monitor's {@code executionState}, or {@code null} when not in the monitor. */
    public String executionState() {
        return executionState;
    }

    /** The activity log's {@code state}: 1 success, 2 warning, 3 failed (also stopped), 4 not started. */
    public int logState() {
        return logState;
    }

    /** The state name of the control API's {@code /_emulator/runs}. */
    public String controlState() {
        return controlState;
    }

    /** Ended: in the activity log, out of the monitor. */
    public boolean terminal() {
        return logState != 0;
    }

    /** Shown by the activity monitor. */
    public boolean inMonitor() {
        return executionState != null;
    }
}
