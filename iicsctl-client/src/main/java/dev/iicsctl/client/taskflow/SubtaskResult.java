package dev.iicsctl.client.taskflow;

import dev.iicsctl.client.job.RunState;
import java.time.Duration;
import java.time.Instant;

/**
 * One step of a taskflow run, from {@code subtaskDetails.details.tasks[]} of the status resource.
 *
 * @param name the asset name
 * @param type the asset type as sent (e.g. {@code MTT}, {@code TASKFLOW})
 * @param location the asset's project/folder, or {@code null}
 * @param runId the subtask's run id as sent, or {@code null}
 * @param state the state ({@code SKIPPED} steps are {@link RunState#STOPPED})
 * @param status the raw status (e.g. {@code SUCCESS}, {@code SKIPPED})
 * @param startTime start (UTC), or {@code null}
 * @param endTime end (UTC), or {@code null}
 * @param duration as sent, or end minus start, or {@code null}
 * @param rowsProcessed rows processed
 * @param erroredRows rows in error
 * @param errorMessage the error, or {@code null}
 */
public record SubtaskResult(String name, String type, String location, String runId, RunState state, String status,
        Instant startTime, Instant endTime, Duration duration, long rowsProcessed, long erroredRows,
        String errorMessage) {
}
