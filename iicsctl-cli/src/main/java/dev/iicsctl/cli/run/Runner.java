package dev.iicsctl.cli.run;

import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.Failure;
import dev.iicsctl.cli.output.RunReport;
import dev.iicsctl.cli.time.Durations;
import dev.iicsctl.client.IicsException;
import dev.iicsctl.client.task.TaskRef;
import java.util.concurrent.Callable;

/** One TASK of {@code run}, as a job or as a taskflow: start it, follow it, report it, give its exit code. */
abstract class Runner implements Callable<Integer> {
    protected final RunContext context;
    protected final TaskRef task;

    Runner(RunContext context, TaskRef task) {
        this.context = context;
        this.task = task;
    }

    /** Runs the task; a failure of this task is reported here and turned into its exit code. */
    @Override
    public final Integer call() {
        try {
            return follow();
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
        String timedOut = what + " timed out after " + Durations.format(context.settings().timeout().orElseThrow());
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
