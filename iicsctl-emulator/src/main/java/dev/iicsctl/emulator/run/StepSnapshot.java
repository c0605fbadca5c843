package dev.iicsctl.emulator.run;

import dev.iicsctl.emulator.catalog.CatalogTask;
import dev.iicsctl.emulator.catalog.RowCounts;
import java.time.Instant;

/**
 * One step of a job as seen at an instant.
 *
 * @param task         the task of the step
 * @param index        position in the plan (0-based)
 * @param start        when it started
 * @param end          when it ended, or {@code null} while it works
 * @param phase        its phase
 * @param rows         rows so far
 * @param errorMessage its error message, or {@code null}
 */
public record StepSnapshot(CatalogTask task, int index, Instant start, Instant end, JobPhase phase, RowCounts rows,
                           String errorMessage) {}
