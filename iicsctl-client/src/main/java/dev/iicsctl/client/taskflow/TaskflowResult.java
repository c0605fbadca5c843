package dev.iicsctl.client.taskflow;

import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.task.TaskRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is known about a taskflow run: a snapshot while it runs, the outcome once {@code state().isTerminal()}.
 * {@link RunState#SUSPENDED} is terminal for waiting (the run needs a resume or a terminate).
 *
 * @param taskflow the taskflow
 * @param runId the run id
 * @param state {@code NOT_YET_VISIBLE}, {@code RUNNING}, {@code SUCCEEDED}, {@code WARNING}, {@code FAILED} or {@code SUSPENDED}
 * @param status the raw status (e.g. {@code RUNNING}, {@code SUCCESS}), or {@code null} while not visible
 * @param startTime start (UTC), or {@code null}
 * @param endTime end (UTC), or {@code null} while running
 * @param duration as sent, or end minus start, or {@code null}
 * @param errorMessage the error, or {@code null}
 * @param subtasks its steps so far
 */
public record TaskflowResult(TaskRef taskflow, String runId, RunState state, String status, Instant startTime,
        Instant endTime, Duration duration, String errorMessage, List<SubtaskResult> subtasks) {

    /**
     * Validates and copies the values.
     *
     * @param taskflow the taskflow
     * @param runId the run id
     * @param state {@code NOT_YET_VISIBLE}, {@code RUNNING}, {@code SUCCEEDED}, {@code WARNING}, {@code FAILED} or {@code SUSPENDED}
     * @param status the raw status (e.g. {@code RUNNING}, {@code SUCCESS}), or {@code null} while not visible
     * @param startTime start (UTC), or {@code null}
     * @param endTime end (UTC), or {@code null} while running
     * @param duration as sent, or end minus start, or {@code null}
     * @param errorMessage the error, or {@code null}
     * @param subtasks its steps so far
     */
    public TaskflowResult {
        Objects.requireNonNull(taskflow, "taskflow");
        Objects.requireNonNull(state, "state");
        subtasks = subtasks == null ? List.of() : List.copyOf(subtasks);
    }

    /** @return whether the run will not change without a resume */
    public boolean isFinished() {
        return state.isTerminal();
    }
}
