package dev.iicsctl.cli.run;

import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.Failure;
import dev.iicsctl.cli.output.Progress;
import dev.iicsctl.cli.output.Reporter;
import dev.iicsctl.cli.output.RunReport;
import dev.iicsctl.cli.time.Durations;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.IicsException;
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
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * One taskflow of {@code run}: run it through its published API name, follow it through the status resource
 * until it succeeds, fails or is suspended, report it with its steps, and give its exit code.
 */
public final class TaskflowExecution implements Callable<Integer> {
    private final IicsClient client;
    private final TaskRef taskflow;
    private final RunSettings settings;
    private final Reporter reporter;
    private final Progress progress;
    private final InterruptGuard guard;

    public TaskflowExecution(IicsClient client, TaskRef taskflow, RunSettings settings, Reporter reporter,
            Progress progress, InterruptGuard guard) {
        this.client = client;
        this.taskflow = taskflow;
        this.settings = settings;
        this.reporter = reporter;
        this.progress = progress;
        this.guard = guard;
    }

    /** Runs the taskflow; failures of this taskflow are reported here and turned into its exit code. */
    @Override
    public Integer call() {
        try {
            return startAndFollow();
        } catch (IicsException e) {
            progress.note("iicsctl: " + taskflow.displayName() + ": " + e.getMessage());
            return Failure.exitCode(e);
        }
    }

    private int startAndFollow() {
        Optional<TaskflowRun> attached = alreadyRunning();
        if (attached.isPresent() && settings.start().ifRunning() == IfRunning.FAIL) {
            progress.note("iicsctl: " + taskflow.displayName() + " is already running (run "
                    + attached.get().runId() + "): nothing was started; use --if-running attach|wait|start");
            return ExitCode.TASK_PROBLEM;
        }
        TaskflowRun run;
        if (attached.isPresent() && settings.start().ifRunning() == IfRunning.ATTACH) {
            run = attached.get();
            progress.note("iicsctl: " + taskflow.displayName() + " was already running: following run "
                    + run.runId() + " (--if-running attach)");
        } else {
            if (attached.isPresent() && settings.start().ifRunning() == IfRunning.WAIT) {
                progress.note("iicsctl: " + taskflow.displayName() + " is running (run " + attached.get().runId()
                        + "): waiting for it to end before starting (--if-running wait)");
                client.taskflows().await(attached.get(), null, null, null);
            }
            run = client.taskflows().start(taskflow, settings.apiName().orElse(null), settings.inputs());
        }
        if (!settings.waitForEnd()) {
            RunReport started = RunReports.started(run);
            progress.above(() -> reporter.run(started));
            return started.exitCode();
        }
        guard.waiting(run);
        try {
            TaskflowResult result = client.taskflows().await(run, settings.timeout().orElse(null), null,
                    snapshot -> progress.update(RunReports.of(snapshot, settings.warningOk())));
            RunReport report = RunReports.of(result, settings.warningOk());
            progress.done(report);
            if (result.state() == RunState.FAILED) {
                settings.logsOnFailure().ifPresent(dir -> saveLogs(result, dir));
            }
            progress.above(() -> reporter.run(report));
            return report.exitCode();
        } catch (TaskflowTimeoutException e) {
            return timedOut(run, e);
        } finally {
            guard.done(run);
        }
    }

    /** The newest run of the taskflow that is still running, unless any run may start ({@code --if-running start}). */
    private Optional<TaskflowRun> alreadyRunning() {
        if (settings.start().ifRunning() == IfRunning.START) {
            return Optional.empty();
        }
        return client.taskflows().unfinished(taskflow).stream()
                .filter(r -> r.state() != RunState.SUSPENDED)
                .findFirst()
                .map(r -> TaskflowRun.of(taskflow, r.runId()));
    }

    private int timedOut(TaskflowRun run, TaskflowTimeoutException e) {
        String after = Durations.format(settings.timeout().orElseThrow());
        TaskflowResult last = e.lastSeen() != null ? e.lastSeen()
                : new TaskflowResult(taskflow, run.runId(), RunState.RUNNING, null, run.startTime(), null, null, null,
                        List.of());
        RunReport report = RunReports.of(last, ExitCode.TIMED_OUT).withOutcome("TIMED_OUT", ExitCode.TIMED_OUT);
        progress.done(report);
        String what = "iicsctl: " + taskflow.displayName() + " run " + run.runId() + " timed out after " + after;
        if (settings.stopOnTimeout()) {
            try {
                client.taskflows().terminate(run);
                progress.note(what + "; terminated the run (--on-timeout stop)");
            } catch (IicsException stopFailed) {
                progress.note(what + " but could not be terminated: " + stopFailed.getMessage()
                        + " (terminate it with 'iicsctl stop --run-id " + run.runId() + "')");
            }
        } else {
            progress.note(what + "; the run was left running (--on-timeout leave)");
        }
        progress.above(() -> reporter.run(report));
        return ExitCode.TIMED_OUT;
    }

    /** A taskflow has no session log of its own: the logs of its steps from the activity log are saved. */
    private void saveLogs(TaskflowResult result, Path dir) {
        try {
            List<Path> files = new ArrayList<>();
            for (RunResult step : client.taskflows().subtaskRuns(result)) {
                files.addAll(client.logs().saveAll(step, dir));
            }
            progress.note("iicsctl: saved " + files.size() + " log file(s) of the steps of the failed run into " + dir);
        } catch (RuntimeException e) {
            progress.note("iicsctl: could not save the logs of the failed run into " + dir + ": " + e.getMessage());
        }
    }
}
