package dev.iicsctl.emulator.run;

import dev.iicsctl.emulator.catalog.CatalogTask;
import dev.iicsctl.emulator.catalog.Outcome;
import dev.iicsctl.emulator.catalog.RowCounts;
import dev.iicsctl.emulator.time.WireTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One started job. It stores only facts (start instant, plan, stop request); its state, rows and end are
 * computed from the clock whenever someone looks ({@link #at(Instant)}), so no thread runs per job.
 */
public final class JobRun {
    private static final Duration MAX_STOP_WINDOW = Duration.ofMillis(300);
    private static final Duration MIN_STOP_WINDOW = Duration.ofMillis(50);

    private final CatalogTask task;
    private final long runId;
    private final String entryId;
    private final Instant startedAt;
    private final Instant visibleAt;
    private final JobPlan plan;
    private final StartDetails details;
    private volatile Instant stopAt;
    private volatile String stoppedBy;
    private volatile String startedAtEastern;

    JobRun(CatalogTask task, long runId, String entryId, Instant startedAt, Duration visibilityDelay, JobPlan plan,
           StartDetails details) {
        this.task = task;
        this.runId = runId;
        this.entryId = entryId;
        this.startedAt = startedAt;
        this.visibleAt = startedAt.plus(visibilityDelay);
        this.plan = plan;
        this.details = details;
    }

    public CatalogTask task() {
        return task;
    }

    public long runId() {
        return runId;
    }

    /** The activity log entry id. */
    public String entryId() {
        return entryId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /**
     * {@link #startedAt()} as the activity monitor and log write it (Eastern time with a {@code Z}), formatted
     * once: every poll of the monitor writes it again for every running job.
     */
    public String startedAtEastern() {
        String s = startedAtEastern;
        if (s == null) {
            s = WireTime.easternWithZ(startedAt);
            startedAtEastern = s;
        }
        return s;
    }

    public StartDetails details() {
        return details;
    }

    /** Asks the run to stop at {@code now}; false when it had already ended or been stopped. */
    synchronized boolean requestStop(Instant now, String user) {
        if (stopAt != null || at(now).phase().terminal()) {
            return false;
        }
        stoppedBy = user;
        stopAt = now;
        return true;
    }

    /** The run as it is at {@code now}. */
    public JobSnapshot at(Instant now) {
        if (now.isBefore(visibleAt)) {
            return new JobSnapshot(this, JobPhase.HIDDEN, RowCounts.ZERO, null, null, false, List.of());
        }
        Duration total = plan.duration();
        Instant naturalEnd = visibleAt.plus(total);
        Instant stop = stopAt;
        Instant cut = stop == null ? null : stop.isBefore(visibleAt) ? visibleAt : stop;
        boolean stopped = cut != null && cut.isBefore(naturalEnd);
        Instant end = stopped ? cut.plus(stopWindow(total)) : naturalEnd;
        Instant measured = min(now, stopped ? cut : naturalEnd);
        boolean terminal = !now.isBefore(end);
        List<StepSnapshot> steps = steps(measured, total, terminal && stopped ? end : null);
        RowCounts rows = steps.stream().map(StepSnapshot::rows).reduce(RowCounts.ZERO, RowCounts::plus);
        JobPhase phase;
        String error = null;
        if (terminal) {
            phase = stopped ? JobPhase.STOPPED : finalPhase(plan.outcome());
            error = stopped ? "The task was stopped by user " + stoppedBy + "." : finalError(phase);
        } else if (stopped && !now.isBefore(cut)) {
            phase = JobPhase.STOPPING;
        } else {
            long elapsed = Duration.between(visibleAt, now).toNanos();
            long nanos = total.toNanos();
            phase = elapsed < nanos / 20 ? JobPhase.QUEUED : elapsed < nanos / 10 ? JobPhase.INITIALIZED : JobPhase.RUNNING;
        }
        return new JobSnapshot(this, phase, rows, terminal ? end : null, error, terminal && stopped, steps);
    }

    private List<StepSnapshot> steps(Instant t, Duration total, Instant stoppedEnd) {
        List<StepSnapshot> out = new ArrayList<>();
        Instant warmedUp = visibleAt.plus(total.dividedBy(10));
        for (int i = 0; i < plan.steps().size(); i++) {
            JobStep step = plan.steps().get(i);
            Instant start = visibleAt.plus(step.offset());
            Instant stepEnd = visibleAt.plus(step.endOffset());
            if (i > 0 && t.isBefore(start)) {
                break;
            }
            if (!t.isBefore(stepEnd)) {
                JobPhase p = finalPhase(step.script().outcome());
                out.add(new StepSnapshot(step.task(), i, start, stepEnd, p, step.script().rows(), step.script().errorMessage()));
                continue;
            }
            Instant from = start.isBefore(warmedUp) ? min(warmedUp, stepEnd) : start;
            long span = Duration.between(from, stepEnd).toNanos();
            double fraction = span <= 0 ? 0 : (double) Duration.between(from, t).toNanos() / span;
            RowCounts rows = step.script().rows().scaled(fraction);
            if (stoppedEnd != null) {
                out.add(new StepSnapshot(step.task(), i, start, stoppedEnd, JobPhase.STOPPED, rows,
                        "The task was stopped by user " + stoppedBy + "."));
            } else {
                out.add(new StepSnapshot(step.task(), i, start, null, JobPhase.RUNNING, rows, null));
            }
        }
        return out;
    }

    private String finalError(JobPhase phase) {
        if (phase == JobPhase.SUCCEEDED) {
            return null;
        }
        for (JobStep s : plan.steps()) {
            if (finalPhase(s.script().outcome()) == phase) {
                String m = s.script().errorMessage();
                return m != null ? m : phase == JobPhase.FAILED ? "The task " + s.task().name() + " failed."
                        : phase == JobPhase.NOT_STARTED ? "The task " + s.task().name()
                                + " could not start: no Secure Agent of its runtime environment is available." : null;
            }
        }
        return null;
    }

    static JobPhase finalPhase(Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> JobPhase.SUCCEEDED;
            case WARNING -> JobPhase.WARNING;
            case NOT_STARTED -> JobPhase.NOT_STARTED;
            default -> JobPhase.FAILED;
        };
    }

    /** How long a stopped run shows STOPPING: 5% of its duration, between 50 ms and 300 ms. */
    static Duration stopWindow(Duration total) {
        Duration d = total.dividedBy(20);
        return d.compareTo(MIN_STOP_WINDOW) < 0 ? MIN_STOP_WINDOW : d.compareTo(MAX_STOP_WINDOW) > 0 ? MAX_STOP_WINDOW : d;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return "JobRun[" + task.path() + " #" + runId + "]";
    }
}
