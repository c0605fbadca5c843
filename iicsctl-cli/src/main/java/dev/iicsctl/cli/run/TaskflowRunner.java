package dev.iicsctl.cli.run;

import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.output.RunReport;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.job.IfRunning;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.taskflow.TaskflowResult;
import dev.iicsctl.client.taskflow.TaskflowRun;
import dev.iicsctl.client.taskflow.TaskflowTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A taskflow of {@code run}, run through the Application Integration resources with its input fields under its
 * published API name; followed through the status resource, reported with its steps, exit code 9 when it is
 * suspended.
 */
public final class TaskflowRunner extends Runner {
    private final Map<String, ?> inputs;

    public TaskflowRunner(RunContext context, TaskRef taskflow, Map<String, ?> inputs) {
        super(context, taskflow);
        this.inputs = inputs;
    }

    /**
     * The newest run of the taskflow that is running now (a suspended run waits for a person and does not count).
     *
     * @param client the client
     * @param taskflow the taskflow
     * @return that run, not started by this command
     */
    public static Optional<TaskflowRun> running(IicsClient client, TaskRef taskflow) {
        return client.taskflows().unfinished(taskflow).stream()
                .filter(r -> r.state() != RunState.SUSPENDED)
                .findFirst()
                .map(r -> TaskflowRun.of(taskflow, r.runId()));
    }

    @Override
    protected int follow() {
        RunSettings settings = context.settings();
        IfRunning ifRunning = settings.start().ifRunning();
        Optional<TaskflowRun> running = ifRunning == IfRunning.START ? Optional.empty()
                : running(context.client(), task);
        TaskflowRun run;
        if (running.isPresent() && ifRunning == IfRunning.FAIL) {
            context.progress().note("iicsctl: " + task.displayName() + " is already running (run "
                    + running.get().runId() + "): nothing was started; use --if-running attach, wait or start");
            return ExitCode.TASK_PROBLEM;
        } else if (running.isPresent() && ifRunning == IfRunning.ATTACH) {
            run = running.get();
            context.progress().note("iicsctl: " + task.displayName() + " was already running: following run "
                    + run.runId() + " (--if-running attach)");
        } else {
            if (running.isPresent()) {
                context.progress().note("iicsctl: " + task.displayName() + " is running (run "
                        + running.get().runId() + "): waiting for it to end before starting (--if-running wait)");
                context.client().taskflows().await(running.get(), null, null, null);
            }
            try (InterruptGuard.Watch watch = context.guard().watch(task, s -> target(s.runId()))) {
                run = start(() -> context.client().taskflows().start(task, settings.apiName().orElse(null),
                        settings.runName().orElse(null), inputs, watch.control()));
                if (settings.waitForEnd()) {
                    watch.waiting(target(run.runId()));
                } else {
                    watch.close(); // not waited for: a signal after its start leaves it alone
                }
                return follow(run, watch);
            }
        }
        return follow(run, null);
    }

    @Override
    protected Runner sameFor(TaskRef other) {
        return new TaskflowRunner(context, other, inputs);
    }

    /** A run of this command's taskflow as a signal stops it. */
    private InterruptGuard.Target target(String runId) {
        return new InterruptGuard.Target(task.displayName() + " run " + runId,
                () -> context.client().taskflows().terminate(TaskflowRun.of(task, runId)),
                "check it with 'iicsctl status --run-id " + runId + "' and stop it with 'iicsctl stop --run-id "
                        + runId + "'");
    }

    /** Follows the run; {@code watch} is the signal's hold on a run this command started, else {@code null}. */
    private int follow(TaskflowRun run, InterruptGuard.Watch watch) {
        RunSettings settings = context.settings();
        if (!settings.waitForEnd()) {
            return report(RunReports.started(run));
        }
        String what = task.displayName() + " run " + run.runId();
        Runnable terminate = () -> context.client().taskflows().terminate(run);
        try {
            TaskflowResult result = context.client().taskflows().await(run, settings.timeout().orElse(null),
                    snapshot -> context.progress().update(RunReports.of(snapshot, settings.warningOk())));
            RunReport report = RunReports.of(result, settings.warningOk());
            context.progress().done(report);
            if (result.state() == RunState.SUSPENDED) {
                context.progress().note("iicsctl: " + what + " is suspended: resume it with 'iicsctl resume "
                        + run.runId() + "' (add --skip-faulted to skip the faulted step), or terminate it with "
                        + "'iicsctl stop --run-id " + run.runId() + "'");
            }
            if (result.state() == RunState.FAILED) {
                settings.logsOnFailure().ifPresent(dir -> saveLogs(result, dir));
            }
            return report(report);
        } catch (TaskflowTimeoutException e) {
            TaskflowResult last = e.lastSeen() != null ? e.lastSeen()
                    : new TaskflowResult(task, run.runId(), RunState.RUNNING, null, run.startTime(), null, null, null,
                            List.of());
            return timedOut(what, RunReports.of(last, settings.warningOk()), terminate);
        } finally {
            if (watch != null) {
                watch.close();
            }
        }
    }

    /** A taskflow has no session log of its own: the logs of its steps from the activity log are saved. */
    private void saveLogs(TaskflowResult result, Path dir) {
        try {
            List<Path> files = new ArrayList<>();
            for (RunResult step : context.client().taskflows().subtaskRuns(result)) {
                files.addAll(context.client().logs().saveAll(step, dir));
            }
            context.progress().note(LogDirectory.saved(files, "the steps of the failed run"));
        } catch (RuntimeException e) {
            context.progress().note("iicsctl: could not save the logs of the failed run into " + dir + ": "
                    + e.getMessage());
        }
    }
}
