package dev.iicsctl.emulator.taskflow;

/** The {@code status} values of the taskflow status resource. */
public enum TaskflowStatus {
    RUNNING("RUNNING"),
    SUCCESS("SUCCEEDED"),
    FAILED("FAILED"),
    SUSPENDED("SUSPENDED"),
    /** A subtask that ran a task which ended with warnings (subtasks only). */
    WARNING("WARNING"),
    /** A subtask passed over by {@code resumeWithFaultSkip} (subtasks only). */
    SKIPPED("FAILED");

    private final String controlState;

    TaskflowStatus(String controlState) {
        this.controlState = controlState;
    }

    /** The state name of the control API's {@code /_emulator/runs}. */
    public String controlState() {
        return controlState;
    }
}
