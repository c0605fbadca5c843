package dev.iicsctl.emulator.run;

import dev.iicsctl.emulator.catalog.Catalog;
import dev.iicsctl.emulator.catalog.CatalogTask;
import dev.iicsctl.emulator.catalog.Outcome;
import dev.iicsctl.emulator.catalog.RowCounts;
import dev.iicsctl.emulator.catalog.RunScript;
import dev.iicsctl.emulator.catalog.CatalogTaskType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps a job will take, fixed at start: one step for a task; for a linear taskflow one step per child,
 * one after the other, ending at the first child that fails.
 */
public record JobPlan(List<JobStep> steps) {
    public JobPlan {
        steps = List.copyOf(steps);
    }

    /** The plan of run {@code runId} of {@code task}. */
    static JobPlan of(Catalog catalog, CatalogTask task, long runId) {
        if (task.type() != CatalogTaskType.WORKFLOW) {
            return new JobPlan(List.of(new JobStep(task, Duration.ZERO, task.scriptFor(runId))));
        }
        List<JobStep> steps = new ArrayList<>();
        Duration offset = Duration.ZERO;
        for (String path : task.children()) {
            CatalogTask child = catalog.taskByPath(path).orElseThrow();
            JobStep step = new JobStep(child, offset, child.scriptFor(runId));
            steps.add(step);
            offset = step.endOffset();
            if (step.script().outcome() == Outcome.FAILED || step.script().outcome() == Outcome.NOT_STARTED) {
                break;
            }
        }
        return new JobPlan(steps);
    }

    /** The plan of a run refused because another run of the task is going: it fails at once. */
    static JobPlan refused(CatalogTask task, String message) {
        return new JobPlan(List.of(new JobStep(task, Duration.ZERO,
                new RunScript(Duration.ZERO, Outcome.FAILED, RowCounts.ZERO, message))));
    }

    /** The total working time. */
    public Duration duration() {
        return steps.isEmpty() ? Duration.ZERO : steps.get(steps.size() - 1).endOffset();
    }

    /** How the job ends when nobody stops it: the worst outcome of its steps. */
    public Outcome outcome() {
        Outcome worst = Outcome.SUCCESS;
        for (JobStep s : steps) {
            if (s.script().outcome().ordinal() > worst.ordinal()) {
                worst = s.script().outcome();
            }
        }
        return worst;
    }
}
