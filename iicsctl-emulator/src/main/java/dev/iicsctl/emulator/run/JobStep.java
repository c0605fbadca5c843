package dev.iicsctl.emulator.run;

import dev.iicsctl.emulator.catalog.CatalogTask;
import dev.iicsctl.emulator.catalog.RunScript;
import java.time.Duration;

/**
 * One task run inside a job: the task itself, or one child of a linear taskflow.
 *
 * @param task   the task that runs
 * @param offset when it starts, counted from the job becoming visible
 * @param script what it does
 */
public record JobStep(CatalogTask task, Duration offset, RunScript script) {
    /** When it ends, counted from the job becoming visible. */
    public Duration endOffset() {
        return offset.plus(script.duration());
    }
}
