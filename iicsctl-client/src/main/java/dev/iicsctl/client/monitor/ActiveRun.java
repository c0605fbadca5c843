package dev.iicsctl.client.monitor;

import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.job.Rows;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of the activity monitor: a job that is running in the org now.
 *
 * @param taskId the v2 task id
 * @param taskName the task name
 * @param typeCode the entry type as sent, e.g. {@code MTT}, {@code WORKFLOW}, {@code MTT_TEST}
 * @param runId the run id
 * @param state {@link RunState#QUEUED} or {@link RunState#RUNNING}
 * @param executionState the raw {@code executionState}, e.g. {@code INITIALIZED}, {@code STOPPING}
 * @param startTime start time converted to UTC (the monitor sends US Eastern time), or {@code null}
 * @param rows live row counts
 * @param startedBy the user who started it, or {@code null}
 */
public record ActiveRun(String taskId, String taskName, String typeCode, long runId, RunState state,
        String executionState, Instant startTime, Rows rows, String startedBy) {

    /** @return the task as a reference, when the type is a runnable task type */
    public Optional<TaskRef> task() {
        return TaskType.fromCode(typeCode).filter(t -> taskId != null || taskName != null)
                .map(t -> new TaskRef(taskId, null, taskName, null, t));
    }
}
