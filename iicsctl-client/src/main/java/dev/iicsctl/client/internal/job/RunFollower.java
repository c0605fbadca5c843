package dev.iicsctl.client.internal.job;

import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.RunTimeoutException;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunListener;
import dev.iicsctl.client.job.RunResult;
import java.time.Duration;
import java.util.Objects;

/**
 * Polls one run until its activity log entry exists. The interval follows the poll policy (quick at first,
 * slower later); the session is renewed transparently by the API layer if it expires during a long wait.
 */
public final class RunFollower {

    private final RunLookup lookup;
    private final PollPolicy defaultPoll;

    /**
     * @param lookup run lookups
     * @param defaultPoll the client's poll policy
     */
    public RunFollower(RunLookup lookup, PollPolicy defaultPoll) {
        this.lookup = lookup;
        this.defaultPoll = defaultPoll;
    }

    /**
     * @param run the run
     * @param timeout limit, or {@code null} for none
     * @param poll poll policy, or {@code null} for the client's
     * @param listener progress listener, or {@code null}
     * @return the final result
     * @throws RunTimeoutException when the timeout passes first
     */
    public RunResult await(RunHandle run, Duration timeout, PollPolicy poll, RunListener listener) {
        Objects.requireNonNull(run, "run");
        PollPolicy policy = poll == null ? defaultPoll : poll;
        RunListener progress = listener == null ? RunListener.NONE : listener;
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        RunHandle current = run;
        RunResult last = null;
        boolean seen = false;
        for (int polls = 0;; polls++) {
            RunLookup.Observation seenNow = lookup.observe(current, lookup.monitor(), seen);
            RunResult result = seenNow.result();
            seen |= seenNow.inMonitor();
            // Keep the v2 id once learned, so later polls can ask the activity log for exactly this run.
            current = new RunHandle(result.task(), run.runId(), run.startTime(), run.startedByClient());
            if (last == null || !last.state().equals(result.state()) || !last.rows().equals(result.rows())) {
                progress.onProgress(result);
            }
            last = result;
            if (result.isFinished()) {
                return result;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new RunTimeoutException("run " + run.runId() + " of " + run.task().displayName()
                        + " did not finish within " + format(timeout) + " (last state " + result.state()
                        + "); the job was left running", current, result);
            }
            sleep(Math.min(policy.delay(polls).toMillis(), left / 1_000_000 + 1));
        }
    }

    private static String format(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IicsConnectionException("interrupted while waiting for a run; the job was left running", e);
        }
    }
}
