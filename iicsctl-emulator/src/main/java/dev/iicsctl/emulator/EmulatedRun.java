package dev.iicsctl.emulator;

import dev.iicsctl.emulator.catalog.RowCounts;
import dev.iicsctl.emulator.run.JobSnapshot;
import java.time.Instant;

/**
 * A run as the emulator knows it: the ground truth a test compares the client's view with
 * (the same data as {@code GET /_emulator/runs}).
 *
 * @param kind         {@code job} or {@code taskflow}
 * @param taskPath     path of the task or taskflow
 * @param taskName     its name
 * @param taskType     {@code MTT}, ..., {@code WORKFLOW}, or {@code TASKFLOW}
 * @param taskId       v2 id ({@code null} for taskflows)
 * @param federatedId  v3 id
 * @param runId        the run id: a small per-task number for jobs, a 20-digit string for taskflows
 * @param state        QUEUED, RUNNING, STOPPING, SUCCEEDED, WARNING, FAILED, STOPPED or SUSPENDED
 * @param startTimeUtc when it was started
 * @param endTimeUtc   when it ended, or {@code null}
 * @param rows         rows so far
 * @param errorMessage its error message, or {@code null}
 * @param startedBy    the user who started it
 */
public record EmulatedRun(String kind, String taskPath, String taskName, String taskType, String taskId,
                          String federatedId, String runId, String state, Instant startTimeUtc, Instant endTimeUtc,
                          RowCounts rows, String errorMessage, String startedBy) {

    /** The run id of a job as a number. @throws NumberFormatException for taskflow runs */
    public long jobRunId() {
        return Long.parseLong(runId);
    }

    /** Whether it has ended (including suspended taskflows). */
    public boolean ended() {
        return endTimeUtc != null || "SUSPENDED".equals(state);
    }

    static EmulatedRun of(JobSnapshot s) {
        var run = s.run();
        return new EmulatedRun("job", run.task().path(), run.task().name(), run.task().type().name(), run.task().id(),
                run.task().federatedId(), Long.toString(run.runId()), s.phase().controlState(), run.startedAt(),
                s.end(), s.rows(), s.errorMessage(), run.details().startedBy());
    }
}
