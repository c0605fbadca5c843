package dev.iicsctl.cli.run;

import dev.iicsctl.cli.output.RunReport;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.taskflow.TaskflowResult;
import dev.iicsctl.client.taskflow.TaskflowRun;
import dev.iicsctl.client.taskflow.TaskflowTimeoutException;
import java.util.List;
import java.util.Map;

/**
 * A taskflow of {@code run}, run through the Application Integration resources with its input fields; reported
 * with its steps, exit code 9 when it is suspended.
 */
public final class TaskflowRunner extends Runner {
    private final Map<String, ?> inputs;

    public TaskflowRunner(RunContext context, TaskRef taskflow, Map<String, ?> inputs) {
        super(context, taskflow);
        this.inputs = inputs;
    }

    @Override
    protected int follow() {
        RunSettings settings = context.settings();
        TaskflowRun run = context.client().taskflows().start(task, inputs);
        if (!settings.waitForEnd()) {
            return report(RunReports.started(run));
        }
        String what = task.displayName() + " run " + run.runId();
        Runnable terminate = () -> context.client().taskflows().terminate(run);
        context.guard().waiting(run, what, terminate);
        try {
            TaskflowResult result = context.client().taskflows().await(run, settings.timeout().orElse(null),
                    snapshot -> context.progress().update(RunReports.of(snapshot, settings.warningOk())));
            RunReport report = RunReports.of(result, settings.warningOk());
            context.progress().done(report);
            if (result.state() == RunState.SUSPENDED) {
                context.progress().note("iicsctl: " + what + " is suspended: resume or terminate it in IICS "
                        + "(Monitor)");
            }
            return report(report);
        } catch (TaskflowTimeoutException e) {
            TaskflowResult last = e.lastSeen() != null ? e.lastSeen()
                    : new TaskflowResult(task, run.runId(), RunState.RUNNING, null, run.startTime(), null, null, null,
                            List.of());
            return timedOut(what, RunReports.of(last, settings.warningOk()), terminate);
        } finally {
            context.guard().done(run);
        }
    }
}
