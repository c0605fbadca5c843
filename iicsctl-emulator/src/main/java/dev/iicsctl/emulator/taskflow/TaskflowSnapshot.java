package dev.iicsctl.emulator.taskflow;

import dev.iicsctl.emulator.catalog.RowCounts;
import java.time.Instant;
import java.util.List;

/**
 * A taskflow run as seen at an instant.
 *
 * @param run          the run
 * @param status       RUNNING, SUCCESS, FAILED or SUSPENDED
 * @param end          when it ended (also when it was suspended), or {@code null}
 * @param updated      when its status last changed
 * @param errorMessage error message, or {@code null}
 * @param subtasks     the subtasks that have started
 */
public record TaskflowSnapshot(EmulatedTaskflowRun run, TaskflowStatus status, Instant end, Instant updated,
                               String errorMessage, List<SubtaskSnapshot> subtasks) {
    /** The sum of the subtasks' rows. */
    public RowCounts rows() {
        return subtasks.stream().map(SubtaskSnapshot::rows).reduce(RowCounts.ZERO, RowCounts::plus);
    }
}
