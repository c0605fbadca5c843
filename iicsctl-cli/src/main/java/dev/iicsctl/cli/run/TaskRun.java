package dev.iicsctl.cli.run;

import dev.iicsctl.cli.output.RunReport;
import dev.iicsctl.client.RunTimeoutException;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunListener;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.task.TaskRef;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A task or linear taskflow of {@code run}, started through the v2 job resource. */
public final class TaskRun extends Runner {
    private final Waiter waiter;

    public TaskRun(RunContext context, TaskRef task, Waiter waiter) {
        super(context, task);
        this.waiter = waiter;
    }

    @Override
    protected int follow() {
        RunSettings settings = context.settings();
        try (InterruptGuard.Watch watch = context.guard().watch(task, s -> target(s.task(), s.runId()))) {
            // A run this host started moments ago is shown by IICS nowhere yet: the client's if-running check
            // counts it, and a lost start answer is never taken for it.
            context.startedHere().newerThan(task, 0).ifPresent(context.client().jobs()::noteStartedElsewhere);
            RunHandle run = start(() -> context.client().jobs().start(task, settings.start(), watch.control(),
                    waitingNote()));
            if (run.startedByClient()) {
                context.startedHere().started(run);
            }
            if (run.startedByClient() && settings.waitForEnd()) {
                watch.waiting(target(run.task(), Long.toString(run.runId())));
            } else {
                watch.close(); // not this command's run, or not waited for: a signal leaves it alone
            }
            return follow(run, watch);
        }
    }

    @Override
    protected Runner sameFor(TaskRef other) {
        return new TaskRun(context, other, waiter);
    }

    /** A run of this command's job as a signal stops it. */
    private InterruptGuard.Target target(TaskRef job, String runId) {
        String name = InterruptGuard.quoted(job);
        return new InterruptGuard.Target(job.displayName() + " run " + runId,
                () -> context.client().jobs().stop(job, false),
                "check it with 'iicsctl status " + name + "' and stop it with 'iicsctl stop " + name + "'");
    }

    private int follow(RunHandle run, InterruptGuard.Watch watch) {
        RunSettings settings = context.settings();
        if (!run.startedByClient()) {
            context.progress().note("iicsctl: " + task.displayName() + " was already running: following run "
                    + run.runId() + " (--if-running attach)");
        }
        if (!settings.waitForEnd()) {
            return report(RunReports.started(run));
        }
        String what = run.task().displayName() + " run " + run.runId();
        Runnable stop = () -> context.client().jobs().stop(run.task(), false);
        try {
            // The poll policy (adaptive, or --poll) is the client's own.
            RunResult result = waiter.await(run, settings.timeout(),
                    snapshot -> context.progress().update(RunReports.of(snapshot, settings.warningOk())));
            context.startedHere().seen(result);
            RunReport report = RunReports.of(result, settings.warningOk());
            context.progress().done(report);
            if (result.state() == RunState.FAILED) {
                settings.logsOnFailure().ifPresent(dir -> saveLogs(result, dir));
            }
            return report(report);
        } catch (RunTimeoutException e) {
            RunResult last = e.lastKnown() != null ? e.lastKnown()
                    : new RunResult(run.task(), run.runId(), RunState.RUNNING, run.startTime(), null, null, null,
                            null, List.of(), null);
            return timedOut(what, RunReports.of(last, settings.warningOk()), stop);
        } finally {
            watch.close();
        }
    }

    /**
     * With {@code --if-running wait} the client waits for a running run before it starts: one line says why
     * nothing seems to happen, for a run in the monitor or one this host started moments ago alike.
     */
    private RunListener waitingNote() {
        AtomicBoolean told = new AtomicBoolean();
        return running -> {
            if (!told.getAndSet(true)) {
                context.progress().note("iicsctl: " + task.displayName() + " is running (run " + running.runId()
                        + "): waiting for it to end before starting (--if-running wait)");
            }
        };
    }

    private void saveLogs(RunResult result, Path dir) {
        try {
            List<Path> files = context.client().logs().saveAll(result, dir);
            context.progress().note(LogDirectory.saved(files, "the failed run"));
        } catch (RuntimeException e) {
            context.progress().note("iicsctl: could not save the logs of the failed run into " + dir + ": "
                    + e.getMessage());
        }
    }
}
