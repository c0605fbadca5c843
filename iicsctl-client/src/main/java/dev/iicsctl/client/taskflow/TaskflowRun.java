package dev.iicsctl.client.taskflow;

import dev.iicsctl.client.task.TaskRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A run of a taskflow (Application Integration engine). Taskflow run ids are long decimal strings that may
 * exceed a Java {@code long}, so they are kept as text.
 *
 * @param taskflow the taskflow (type {@link dev.iicsctl.client.task.TaskType#TASKFLOW})
 * @param apiName the published API name it was run under, or {@code null} when attached by run id
 * @param runId the run id, e.g. {@code 1256355937542115328}
 * @param startTime when it started (server time, UTC) if known, otherwise when it was requested
 * @param startedByClient whether this client's request created the run
 */
public record TaskflowRun(TaskRef taskflow, String apiName, String runId, Instant startTime, boolean startedByClient) {

    /**
     * Validates the values.
     *
     * @param taskflow the taskflow (type {@link dev.iicsctl.client.task.TaskType#TASKFLOW})
     * @param apiName the published API name it was run under, or {@code null} when attached by run id
     * @param runId the run id, e.g. {@code 1256355937542115328}
     * @param startTime when it started (server time, UTC) if known, otherwise when it was requested
     * @param startedByClient whether this client's request created the run
     */
    public TaskflowRun {
        Objects.requireNonNull(taskflow, "taskflow");
        Objects.requireNonNull(runId, "runId");
    }

    /**
     * @param taskflow the taskflow
     * @param runId an existing run id
     * @return a handle to that run, not started by this client
     */
    public static TaskflowRun of(TaskRef taskflow, String runId) {
        return new TaskflowRun(taskflow, null, runId, null, false);
    }
}
