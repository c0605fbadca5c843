package dev.iicsctl.emulator.catalog;

import java.time.Duration;

/**
 * What one run does: how long it works, how it ends, its final row counts and error message.
 *
 * @param duration     time from becoming visible to the end
 * @param outcome      how it ends
 * @param rows         the row counts at the end
 * @param errorMessage the activity log {@code errorMsg}; {@code null} when none
 */
public record RunScript(Duration duration, Outcome outcome, RowCounts rows, String errorMessage) {
    /** The script of a task or taskflow with no {@code run} in the catalog. */
    public static final RunScript DEFAULT = new RunScript(Duration.ofSeconds(3), Outcome.SUCCESS,
            RowCounts.defaultFor(Outcome.SUCCESS), null);
}
