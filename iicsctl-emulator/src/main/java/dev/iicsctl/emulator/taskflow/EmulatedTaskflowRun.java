package dev.iicsctl.emulator.taskflow;

import dev.iicsctl.emulator.catalog.CatalogTask;
import dev.iicsctl.emulator.catalog.CatalogTaskflow;
import dev.iicsctl.emulator.catalog.Outcome;
import dev.iicsctl.emulator.catalog.RowCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One taskflow run. It stores facts only (start, and the resume/terminate requests with their instants); its
 * status is replayed from them and the clock on every look. Subtasks run one after the other, each taking an
 * equal share of the scripted duration; a failed or suspended taskflow faults at its last subtask.
 */
public final class EmulatedTaskflowRun {
    enum EventKind { RETRY, SKIP, TERMINATE }

    record Event(EventKind kind, Instant at, String user) {}

    private final CatalogTaskflow flow;
    private final List<CatalogTask> subtasks;
    private final String runId;
    private final Instant startedAt;
    private final String startedBy;
    private final String instanceName;
    private final List<Event> events = new ArrayList<>();
    /** Subtask attempts already written to the activity log, by task path and start. */
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    EmulatedTaskflowRun(CatalogTaskflow flow, List<CatalogTask> subtasks, String runId, Instant startedAt, String startedBy,
            String customName) {
        this.instanceName = customName == null || customName.isBlank() ? flow.name()
                : flow.name() + "-" + customName.trim() + "-" + runId;
        this.flow = flow;
        this.subtasks = List.copyOf(subtasks);
        this.runId = runId;
        this.startedAt = startedAt;
        this.startedBy = startedBy;
    }

    public CatalogTaskflow flow() {
        return flow;
    }

    public String runId() {
        return runId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String startedBy() {
        return startedBy;
    }

    /**
     * @return the run's name as the status resource shows it: the taskflow name, or with a custom run name
     *     ({@code TF-INSTANCE-NAME}) {@code <taskflow>-<custom>-<runId>}, as IICS names such instances
     */
    public String instanceName() {
        return instanceName;
    }

    /** Marks an ended subtask attempt as written to the activity log; false when it already was. */
    boolean markLogged(SubtaskSnapshot attempt) {
        return logged.add(attempt.task().path() + "@" + attempt.start());
    }

    /** Records a resume or terminate at {@code now} when the run's status allows it; false otherwise. */
    synchronized boolean add(EventKind kind, Instant now, String user) {
        TaskflowStatus status = at(now).status();
        boolean allowed = kind == EventKind.TERMINATE
                ? status == TaskflowStatus.RUNNING || status == TaskflowStatus.SUSPENDED
                : status == TaskflowStatus.SUSPENDED;
        if (allowed) {
            events.add(new Event(kind, now, user));
        }
        return allowed;
    }

    /** The run as it is at {@code now}. */
    public synchronized TaskflowSnapshot at(Instant now) {
        List<SubtaskSnapshot> done = new ArrayList<>();
        Instant t = startedAt;
        Duration total = flow.run().duration();
        Outcome outcome = flow.run().outcome();
        boolean faultPending = outcome == Outcome.FAILED || outcome == Outcome.SUSPENDED;
        Event terminate = events.stream().filter(e -> e.kind() == EventKind.TERMINATE).findFirst().orElse(null);
        if (subtasks.isEmpty()) {
            Instant end = startedAt.plus(total);
            return now.isBefore(end) ? snapshot(TaskflowStatus.RUNNING, null, startedAt, null, done)
                    : snapshot(TaskflowStatus.SUCCESS, end, end, null, done);
        }
        Duration share = total.dividedBy(subtasks.size());
        int faultAt = subtasks.size() - 1;
        int eventIndex = 0;
        int i = 0;
        while (i < subtasks.size()) {
            CatalogTask task = subtasks.get(i);
            Instant stepEnd = t.plus(share);
            if (terminate != null && !terminate.at().isBefore(t) && terminate.at().isBefore(stepEnd)) {
                done.add(new SubtaskSnapshot(task, t, terminate.at(), TaskflowStatus.FAILED, RowCounts.ZERO, terminated(terminate)));
                return snapshot(TaskflowStatus.FAILED, terminate.at(), terminate.at(), terminated(terminate), done);
            }
            if (now.isBefore(stepEnd)) {
                double fraction = share.isZero() ? 1 : (double) Duration.between(t, now).toNanos() / share.toNanos();
                done.add(new SubtaskSnapshot(task, t, null, TaskflowStatus.RUNNING, task.run().rows().scaled(fraction), null));
                return snapshot(TaskflowStatus.RUNNING, null, t, null, done);
            }
            if (i != faultAt || !faultPending) {
                boolean warned = task.run().outcome() == Outcome.WARNING;
                done.add(new SubtaskSnapshot(task, t, stepEnd, warned ? TaskflowStatus.WARNING : TaskflowStatus.SUCCESS,
                        task.run().rows(), warned ? task.run().errorMessage() : null));
                t = stepEnd;
                i++;
                continue;
            }
            String error = flow.run().errorMessage() != null ? flow.run().errorMessage() : "The task " + task.name() + " failed.";
            RowCounts faultRows = new RowCounts(task.run().rows().successSource(), 0, 0, Math.max(1, task.run().rows().failedTarget()));
            SubtaskSnapshot faulted = new SubtaskSnapshot(task, t, stepEnd, TaskflowStatus.FAILED, faultRows, error);
            if (outcome == Outcome.FAILED) {
                done.add(faulted);
                return snapshot(TaskflowStatus.FAILED, stepEnd, stepEnd, error, done);
            }
            Event next = eventIndex < events.size() ? events.get(eventIndex) : null;
            if (next == null || next.at().isAfter(now)) {
                done.add(faulted);
                return snapshot(TaskflowStatus.SUSPENDED, null, stepEnd, error, done);
            }
            eventIndex++;
            if (next.kind() == EventKind.TERMINATE) {
                done.add(faulted);
                return snapshot(TaskflowStatus.FAILED, next.at(), next.at(), terminated(next), done);
            }
            faultPending = false;
            t = next.at();
            if (next.kind() == EventKind.SKIP) {
                done.add(new SubtaskSnapshot(task, faulted.start(), next.at(), TaskflowStatus.SKIPPED, faultRows, error));
                i++;
            }
        }
        return snapshot(TaskflowStatus.SUCCESS, t, t, null, done);
    }

    private String terminated(Event e) {
        return "The taskflow was terminated by user " + e.user() + ".";
    }

    private TaskflowSnapshot snapshot(TaskflowStatus status, Instant end, Instant updated, String error,
                                      List<SubtaskSnapshot> subs) {
        return new TaskflowSnapshot(this, status, end, updated, error, List.copyOf(subs));
    }

    @Override
    public String toString() {
        return "EmulatedTaskflowRun[" + flow.path() + " " + runId + "]";
    }
}
