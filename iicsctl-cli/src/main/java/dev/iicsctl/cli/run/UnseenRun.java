package dev.iicsctl.cli.run;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits out the few seconds in which IICS shows a new run nowhere, so that a command acts on the run it shows
 * rather than on nothing. Bounded: a run still invisible after {@link #BOUND} is reported as such.
 */
public final class UnseenRun {

    /** Longer than IICS takes to show a new run (the client's reconcile window is 30 s). */
    public static final Duration BOUND = Duration.ofSeconds(30);

    private final IicsClient client;
    private final Duration pause;

    /**
     * @param client the client
     * @param poll {@code --poll}, if given: how often to look
     */
    public UnseenRun(IicsClient client, Optional<Duration> poll) {
        this.client = client;
        this.pause = poll.orElse(Duration.ofMillis(250));
    }

    /**
     * @param run a run started on this machine
     * @param err where to say that it is waited for
     * @return the run as IICS shows it, or as not yet visible after the bound
     */
    public RunResult awaitVisible(RunHandle run, PrintWriter err) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        RunResult seen = client.jobs().status(run);
        if (seen.state() == RunState.NOT_YET_VISIBLE) {
            err.println("iicsctl: " + run.task().displayName() + " run " + run.runId() + " was started here moments "
                    + "ago and IICS does not show it yet: waiting up to " + BOUND.toSeconds() + " s for it");
        }
        while (seen.state() == RunState.NOT_YET_VISIBLE && System.nanoTime() < deadline) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCode.SIGINT, "interrupted while waiting for run " + run.runId()
                        + " of " + run.task().displayName() + " to show in IICS");
            }
            seen = client.jobs().status(run);
        }
        return seen;
    }
}
