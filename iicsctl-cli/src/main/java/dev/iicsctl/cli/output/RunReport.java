package dev.iicsctl.cli.output;

import dev.iicsctl.client.job.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One run as iicsctl reports it: the run object of product contract 2.6.
 *
 * @param task the task
 * @param runId a number for jobs, a string for taskflows; null before the run has an id
 * @param state {@code QUEUED}, {@code RUNNING}, {@code SUCCEEDED}, {@code WARNING}, {@code FAILED},
 *     {@code STOPPED}, {@code SUSPENDED}, {@code TIMED_OUT} or {@code STARTED}
 * @param startTime UTC start, may be null
 * @param endTime UTC end, null while running
 * @param rows row counts
 * @param errorMessage the run's error message, may be null
 * @param exitCode the exit code this run alone gives
 * @param subtasks the child runs of a taskflow; null for other runs
 */
public record RunReport(
        TaskInfo task,
        Object runId,
        String state,
        Instant startTime,
        Instant endTime,
        Rows rows,
        String errorMessage,
        int exitCode,
        List<RunReport> subtasks) {

    public RunReport {
        rows = rows == null ? Rows.NONE : rows;
        subtasks = subtasks == null ? null : List.copyOf(subtasks);
    }

    /** The run's duration, when it has ended. */
    public Duration duration() {
        return startTime == null || endTime == null ? null : Duration.between(startTime, endTime);
    }

    /** A copy with another state and exit code (e.g. {@code TIMED_OUT}). */
    public RunReport withOutcome(String newState, int newExitCode) {
        return new RunReport(task, runId, newState, startTime, endTime, rows, errorMessage, newExitCode, subtasks);
    }
}
