package dev.iicsctl.client.taskflow;

/** Progress of a taskflow run being awaited: called on every change of state or of its steps. */
@FunctionalInterface
public interface TaskflowListener {

    /** A listener that ignores everything. */
    TaskflowListener NONE = snapshot -> { };

    /**
     * @param snapshot the run as just observed
     */
    void onProgress(TaskflowResult snapshot);
}
