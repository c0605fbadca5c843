package dev.iicsctl.cli.run;

import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.Failure;
import dev.iicsctl.cli.output.Progress;
import dev.iicsctl.cli.output.Reporter;
import dev.iicsctl.cli.output.RunReport;
import dev.iicsctl.cli.time.Durations;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.IicsException;
import dev.iicsctl.client.RunTimeoutException;
import dev.iicsctl.client.job.IfRunning;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.task.TaskRef;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** One task of {@code run}: start it, follow it, report it, and give its exit code. */
public final class TaskRun implements Callable<Integer> {
    private final IicsClient client;
    private final TaskRef task;
    private final RunSettings settings;
    private final Reporter reporter;
    private final Progress progress;
    private final InterruptGuard guard;
    private final Waiter waiter;

    public TaskRun(IicsClient client, TaskRef task, RunSettings settings, Reporter reporter, Progress progress,
            InterruptGuard guard, Waiter waiter) {
        this.client = client;
        this.task = task;
        this.settings = settings;
        this.reporter = reporter;
        this.progress = progress;
        this.guard = guard;
        this.waiter = waiter;
    }

    /** Runs the task; failures of this task are reported here and turned into its exit code. */
    @Override
    public Integer call() {
        try {
            return startAndFollow();
        } catch (IicsException e) {
            progress.note("iicsctl: " + task.displayName() + ": " + e.getMessage());
            return Failure.exitCode(e);
        }
    }

    private int startAndFollow() {
        if (settings.start().ifRunning() == IfRunning.WAIT) {
            // The client waits silently for a running job to end before it starts; say why nothing seems to happen.
            client.jobs().running(task).ifPresent(running -> progress.note("iicsctl: " + task.displayName()
                    + " is running (run " + running.runId() + "): waiting for it to end before starting"
                    + " (--if-running wait)"));
        }
        RunHandle run = client.jobs().start(task, settings.start());
        if (!run.startedByClient()) {
            progress.note("iicsctl: " + task.displayName() + " was already running: following run " + run.runId()
                    + " (--if-running attach)");
        }
        if (!settings.waitForEnd()) {
            RunReport started = RunReports.started(run);
            progress.above(() -> reporter.run(started));
            return started.exitCode();
        }
        guard.waiting(run);
        try {
            RunResult result = await(run);
            progress.done(RunReports.of(result, settings.warningOk()));
            if (result.state() == RunState.FAILED) {
                settings.logsOnFailure().ifPresent(dir -> saveLogs(result, dir));
            }
            RunReport report = RunReports.of(result, settings.warningOk());
            progress.above(() -> reporter.run(report));
            return report.exitCode();
        } catch (RunTimeoutException e) {
            return timedOut(run, e);
        } finally {
            guard.done(run);
        }
    }

    private RunResult await(RunHandle run) {
        // The poll policy (adaptive, or --poll) is the client's own.
        return waiter.await(run, settings.timeout(),
                snapshot -> progress.update(RunReports.of(snapshot, settings.warningOk())));
    }

    private int timedOut(RunHandle run, RunTimeoutException e) {
        String after = Durations.format(settings.timeout().orElseThrow());
        RunResult last = e.lastKnown() != null ? e.lastKnown()
                : new RunResult(run.task(), run.runId(), RunState.RUNNING, run.startTime(), null, null, null, null,
                        List.of(), null);
        RunReport report = RunReports.of(last, ExitCode.TIMED_OUT).withOutcome("TIMED_OUT", ExitCode.TIMED_OUT);
        progress.done(report);
        if (settings.stopOnTimeout()) {
            try {
                client.jobs().stop(run.task(), false);
                progress.note("iicsctl: " + run.task().displayName() + " run " + run.runId() + " timed out after "
                        + after + "; stopped the job (--on-timeout stop)");
            } catch (IicsException stopFailed) {
                progress.note("iicsctl: " + run.task().displayName() + " run " + run.runId() + " timed out after "
                        + after + " but could not be stopped: " + stopFailed.getMessage()
                        + " (stop it with 'iicsctl stop')");
            }
        } else {
            progress.note("iicsctl: " + run.task().displayName() + " run " + run.runId() + " timed out after "
                    + after + "; the job was left running (--on-timeout leave)");
        }
        progress.above(() -> reporter.run(report));
        return ExitCode.TIMED_OUT;
    }

    private void saveLogs(RunResult result, Path dir) {
        try {
            List<Path> files = client.logs().saveAll(result, dir);
            progress.note("iicsctl: saved " + files.size() + " log file(s) of the failed run into " + dir);
        } catch (RuntimeException e) {
            progress.note("iicsctl: could not save the logs of the failed run into " + dir + ": " + e.getMessage());
        }
    }
}
