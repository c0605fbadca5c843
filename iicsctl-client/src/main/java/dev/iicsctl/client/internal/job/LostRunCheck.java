package dev.iicsctl.client.internal.job;

import dev.iicsctl.client.RunLostException;
import dev.iicsctl.client.internal.time.TimeSource;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunState;
import java.time.Duration;

/**
 * Notices when a followed run is shown nowhere for too long. A run is briefly invisible right after its start
 * and, on some pods, between leaving the activity monitor and entering the activity log; longer than the
 * reconcile window (the time a run is assumed to take to become visible) means IICS has lost it, and waiting
 * on would wait forever. One instance per followed run; not thread-safe.
 */
public final class LostRunCheck {

    private final Duration grace;
    private final TimeSource time;
    private long lastShown;

    /**
     * @param grace how long a run may be shown nowhere
     * @param time what the grace is measured on
     */
    public LostRunCheck(Duration grace, TimeSource time) {
        this.grace = grace;
        this.time = time;
        this.lastShown = time.nanoTime();
    }

    /**
     * @param run the followed run
     * @param seen one look at it
     * @throws RunLostException when it has been shown nowhere for longer than the grace
     */
    public void observed(RunHandle run, RunLookup.Observation seen) {
        long now = time.nanoTime();
        if (seen.inMonitor() || seen.result().isFinished()) {
            lastShown = now;
            return;
        }
        if (now - lastShown > grace.toNanos()) {
            String where = seen.result().state() == RunState.NOT_YET_VISIBLE
                    ? "never appeared in the activity monitor or log"
                    : "left the activity monitor and has no activity log entry";
            throw new RunLostException("run " + run.runId() + " of " + run.task().displayName() + " " + where
                    + " within " + grace.toSeconds() + " s: IICS lost track of it (restarted, or the run was deleted?); "
                    + "its outcome is unknown: check the activity monitor and log before starting it again", run);
        }
    }
}
