package dev.iicsctl.client.job;

import dev.iicsctl.client.task.TaskRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is known about a run: a snapshot while it runs, the outcome once {@code state().isTerminal()}.
 * Times are true UTC (from the {@code *Utc} fields, or converted from US Eastern time when those are absent).
 *
 * @param task the task
 * @param runId the run id
 * @param state the state
 * @param startTime start time in UTC, or {@code null} while not visible
 * @param endTime end time in UTC, or {@code null} while not finished
 * @param duration end minus start, or {@code null} while not finished
 * @param rows row counts (live while running)
 * @param errorMessage the error message of a failed, stopped or warning run, or {@code null}
 * @param children results of child entries (sessions of a task, tasks of a linear taskflow); may be empty
 * @param logEntryId the activity log entry id (used to fetch logs), or {@code null} while not finished
 */
public record RunResult(TaskRef task, long runId, RunState state, Instant startTime, Instant endTime,
        Duration duration, Rows rows, String errorMessage, List<RunResult> children, String logEntryId) {

    /**
     * Validates and copies the values.
     *
     * @param task the task
     * @param runId the run id
     * @param state the state
     * @param startTime start time in UTC, or {@code null} while not visible
     * @param endTime end time in UTC, or {@code null} while not finished
     * @param duration end minus start, or {@code null} while not finished
     * @param rows row counts (live while running)
     * @param errorMessage the error message of a failed, stopped or warning run, or {@code null}
     * @param children results of child entries (sessions of a task, tasks of a linear taskflow); may be empty
     * @param logEntryId the activity log entry id (used to fetch logs), or {@code null} while not finished
     */
    public RunResult {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(state, "state");
        rows = rows == null ? Rows.NONE : rows;
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** @return {@code true} when the run is over */
    public boolean isFinished() {
        return state.isTerminal();
    }
}
