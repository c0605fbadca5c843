package dev.iicsctl.client.internal.job;

import dev.iicsctl.client.IicsApiException;
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

    /** Polls in a row that may fail (each after the transport's own retries) before the wait fails. */
    static final int MAX_FAILED_POLLS = 3;

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
        int failedPolls = 0;
        for (int polls = 0;; polls++) {
            RunLookup.Observation seenNow;
            try {
                seenNow = lookup.observe(current, lookup.monitor(), seen);
                failedPolls = 0;
            } catch (IicsConnectionException | IicsApiException e) {
                // A long wait should ride out a short outage: the transport has already retried this poll,
                // so give up only after several polls in a row failed.
                if (!isTransient(e) || ++failedPolls >= MAX_FAILED_POLLS || System.nanoTime() >= deadline) {
                    throw e;
                }
                sleep(Math.min(policy.delay(polls).toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                continue;
            }
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

    private static boolean isTransient(RuntimeException e) {
        if (e instanceof IicsApiException api) {
            int status = api.httpStatus();
            // 2xx here means a garbled answer; 429 and 5xx are the service's trouble, not the request's.
            return status == 429 || status >= 500 || status < 300;
        }
        return true;
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
