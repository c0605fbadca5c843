package dev.iicsctl.emulator.taskflow;

import dev.iicsctl.emulator.catalog.CatalogTask;
import dev.iicsctl.emulator.catalog.RowCounts;
import java.time.Instant;

/**
 * One subtask of a taskflow run as seen at an instant.
 *
 * @param task         the task
 * @param start        when this attempt started
 * @param end          when it ended, or {@code null} while running
 * @param status       its status
 * @param rows         rows so far
 * @param errorMessage error of a faulted attempt, or {@code null}
 */
public record SubtaskSnapshot(CatalogTask task, Instant start, Instant end, TaskflowStatus status, RowCounts rows,
                              String errorMessage) {}
