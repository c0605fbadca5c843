package dev.iicsctl.client.job;

import dev.iicsctl.client.task.TaskRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A run of a task that exists (or existed) on the service.
 *
 * @param task the task; its v2 {@code id} is filled in whenever the service revealed it
 * @param runId the run id (per task, small, increasing)
 * @param startTime when the run started (server time in UTC) if known, otherwise when it was requested
 * @param startedByClient {@code true} if this client's start request created the run; {@code false} when the
 *     client attached to a run someone else started
 */
public record RunHandle(TaskRef task, long runId, Instant startTime, boolean startedByClient) {

    /**
     * Validates the values.
     *
     * @param task the task; its v2 {@code id} is filled in whenever the service revealed it
     * @param runId the run id (per task, small, increasing)
     * @param startTime when the run started (server time in UTC) if known, otherwise when it was requested
     * @param startedByClient {@code true} if this client's start request created the run; {@code false} when the client attached to a run someone else started
     */
    public RunHandle {
        Objects.requireNonNull(task, "task");
    }

    /**
     * @param task the task
     * @param runId the run id
     * @return a handle to an existing run (e.g. for {@code status --run-id N}); not started by this client
     */
    public static RunHandle of(TaskRef task, long runId) {
        return new RunHandle(task, runId, null, false);
    }
}
