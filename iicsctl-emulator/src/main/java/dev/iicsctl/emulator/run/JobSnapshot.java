package dev.iicsctl.emulator.run;

import dev.iicsctl.emulator.catalog.RowCounts;
import java.time.Instant;
import java.util.List;

/**
 * A job run as seen at one instant: all a resource needs to describe it.
 *
 * @param run          the run
 * @param phase        its phase
 * @param rows         rows so far (final once terminal)
 * @param end          when it ended, or {@code null}
 * @param errorMessage the activity log {@code errorMsg}, or {@code null}
 * @param stopped      whether it was stopped by a user
 * @param steps        the steps that have started
 */
public record JobSnapshot(JobRun run, JobPhase phase, RowCounts rows, Instant end, String errorMessage,
                          boolean stopped, List<StepSnapshot> steps) {}
