package dev.iicsctl.cli.run;

import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.Failure;
import dev.iicsctl.cli.output.RunReport;
import dev.iicsctl.cli.time.DurationFormat;
import dev.iicsctl.client.IicsException;
import dev.iicsctl.client.TaskNotFoundException;
import dev.iicsctl.client.task.TaskRef;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** One TASK of {@code run}, as a job or as a taskflow: start it, follow it, report it, give its exit code. */
abstract class Runner implements Callable<Integer> {
    protected final RunContext context;
    protected final TaskRef task;
    /** Set when IICS refused the start as "task not found": proof that this runner started nothing. */
    private boolean startRefused;

    Runner(RunContext context, TaskRef task) {
        this.context = context;
        this.task = task;
    }

    /** Runs the task; a failure of this task is reported here and turned into its exit code. */
    @Override
    public final Integer call() {
        try {
            try {
                return follow();
            } catch (TaskNotFoundException e) {
                Optional<TaskRef> fresh = startRefused ? context.refresh().afresh(task) : Optional.empty();
                if (fresh.isEmpty()) {
                    throw e;
                }
                // Nothing was started; the task's name means another task now: that one is started, once.
                return sameFor(fresh.get()).call();
            }
        } catch (IicsException e) {
            // After a signal, the signal's lines say what became of the task (a cancelled start fails here).
            context.guard().holdIfSignalled();
            // Most messages name the task already; the others get it in front, so that it is named once.
            String message = Failure.of(e).message();
            context.progress().note("iicsctl: " + (message.contains(task.displayName()) ? message
                    : task.displayName() + ": " + message));
            return Failure.exitCode(e);
        } finally {
            context.guard().holdIfSignalled();
        }
    }

    /** Starts the task and, unless {@code --no-wait}, waits for its end; returns its exit code. */
    protected abstract int follow();

    /** @return a runner of the same kind and settings for another task */
    protected abstract Runner sameFor(TaskRef other);

    /**
     * Sends the start; a refusal as "task not found" is noted, since such a refusal proves that nothing started.
     *
     * @param start the start call
     * @return what it returned
     */
    protected final <R> R start(Supplier<R> start) {
        try {
            return start.get();
        } catch (TaskNotFoundException refused) {
            startRefused = true;
            throw refused;
        }
    }

    /** Prints a run's report on stdout, above the live progress lines. */
    protected final int report(RunReport report) {
        context.progress().above(() -> context.reporter().run(report));
        return report.exitCode();
    }

    /**
     * The timeout hit: stop the run or leave it, as {@code --on-timeout} says, and report it as {@code TIMED_OUT}.
     *
     * @param what the run as people read it
     * @param lastKnown the run as last seen
     * @param stop how to stop it
     */
    protected final int timedOut(String what, RunReport lastKnown, Runnable stop) {
        RunReport report = lastKnown.withOutcome("TIMED_OUT", ExitCode.TIMED_OUT);
        String timedOut = what + " timed out after " + DurationFormat.brief(context.settings().timeout().orElseThrow());
        context.progress().done(report);
        if (context.settings().stopOnTimeout()) {
            try {
                stop.run();
                context.progress().note("iicsctl: " + timedOut + "; stopped it (--on-timeout stop)");
            } catch (IicsException stopFailed) {
                context.progress().note("iicsctl: " + timedOut + " but could not be stopped: "
                        + stopFailed.getMessage() + " (stop it with 'iicsctl stop')");
            }
        } else {
            context.progress().note("iicsctl: " + timedOut + "; it was left running (--on-timeout leave)");
        }
        return report(report);
    }
}
