package dev.iicsctl.client.internal.job;

import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.RunTimeoutException;
import dev.iicsctl.client.internal.poll.Poller;
import dev.iicsctl.client.internal.time.TimeSource;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunListener;
import dev.iicsctl.client.job.RunResult;
import java.time.Duration;
import java.util.Objects;

/**
 * Polls one run until its activity log entry exists. The interval follows the poll policy (quick at first,
 * slower later); the session is renewed transparently by the API layer if it expires during a long wait. A run
 * that IICS stops showing anywhere for longer than the visibility grace ends the wait with a
 * {@link dev.iicsctl.client.RunLostException}.
 */
public final class RunFollower {

    private final RunLookup lookup;
    private final PollPolicy defaultPoll;
    private final Duration visibilityGrace;
    private final TimeSource time;

    /**
     * @param lookup run lookups
     * @param defaultPoll the client's poll policy
     * @param visibilityGrace how long a run may be shown nowhere before it counts as lost (the reconcile window)
     * @param time what waits are measured and slept on
     */
    public RunFollower(RunLookup lookup, PollPolicy defaultPoll, Duration visibilityGrace, TimeSource time) {
        this.lookup = lookup;
        this.defaultPoll = defaultPoll;
        this.visibilityGrace = visibilityGrace;
        this.time = time;
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
        RunListener progress = listener == null ? RunListener.NONE : listener;
        PollPolicy policy = poll == null ? defaultPoll : poll;
        long deadline = timeout == null ? Long.MAX_VALUE : time.nanoTime() + timeout.toNanos();
        var state = new Object() {
            RunHandle current = run;
            boolean seen;
            int looks;
            final LostRunCheck lost = new LostRunCheck(visibilityGrace, time);
        };
        Poller<RunResult> poller = new Poller<>(time, () -> {
            // The poller sleeps policy.delay(n) after look n: a shared snapshot younger than that will do.
            Duration interval = state.looks == 0 ? policy.initial() : policy.delay(state.looks - 1);
            state.looks++;
            // Waiting for another process's poll must not carry the last look before the deadline past it.
            boolean beforeLastLook = time.nanoTime() + interval.toNanos() < deadline;
            RunLookup.Observation o = lookup.observe(state.current,
                    beforeLastLook ? lookup.monitorInStep(interval) : lookup.monitor(interval), state.seen);
            state.lost.observed(state.current, o);
            state.seen |= o.inMonitor();
            // Keep the v2 id once learned, so later polls ask the activity log for exactly this run.
            state.current = new RunHandle(o.result().task(), run.runId(), run.startTime(), run.startedByClient());
            return o.result();
        }, RunResult::isFinished,
                (a, b) -> a.state() != b.state() || !a.rows().equals(b.rows()),
                progress::onProgress,
                last -> new RunTimeoutException("run " + run.runId() + " of " + run.task().displayName()
                        + " did not finish within " + Poller.format(timeout) + " (last state " + last.state()
                        + "); the job was left running", state.current, last));
        return poller.run(timeout, policy);
    }
}
