package dev.iicsctl.emulator.run;

import dev.iicsctl.emulator.catalog.Catalog;
import dev.iicsctl.emulator.catalog.CatalogTask;
import dev.iicsctl.emulator.catalog.RunScript;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All job runs: starts and stops them and answers what the activity monitor and log show at the current instant.
 * Thread-safe; per task, start and the "already running" check are atomic.
 */
public final class RunEngine {
    /** The activity-log message of a run refused because another run of the task is going. */
    public static final String ALREADY_RUNNING = "The task could not run because another instance of the task is currently running.";
    private static final Comparator<JobSnapshot> NEWEST_FIRST = Comparator
            .comparing(JobSnapshot::end, Comparator.reverseOrder())
            .thenComparing(s -> s.run().startedAt(), Comparator.reverseOrder());

    private final Catalog catalog;
    private final Clock clock;
    private final Duration visibilityDelay;
    private final Queue<JobRun> all = new ConcurrentLinkedQueue<>();
    private final Set<JobRun> active = ConcurrentHashMap.newKeySet();
    private final Map<String, TaskRuns> byTask = new ConcurrentHashMap<>();
    private final Map<String, JobRun> byEntryId = new ConcurrentHashMap<>();
    /** Ended subtask runs of taskflows: in the log only, with run id 0, outside the per-task run ids. */
    private final Queue<JobRun> subtaskRuns = new ConcurrentLinkedQueue<>();
    private final AtomicLong entrySequence = new AtomicLong();

    public RunEngine(Catalog catalog, Clock clock, Duration visibilityDelay) {
        this.catalog = catalog;
        this.clock = clock;
        this.visibilityDelay = visibilityDelay;
    }

    /**
     * Starts a run of {@code task}. When the task is still running, the start succeeds as well but the new run
     * fails at once with {@link #ALREADY_RUNNING} (the spec's best evidence, section 5).
     */
    public JobRun start(CatalogTask task, StartDetails details) {
        TaskRuns runs = byTask.computeIfAbsent(task.id(), k -> new TaskRuns());
        JobRun run;
        synchronized (runs) {
            Instant now = clock.instant();
            long runId = runs.list.size() + 1L;
            // Only the last run that was not refused can still be going: refused runs end at once.
            boolean busy = runs.lastAccepted != null && !runs.lastAccepted.at(now).phase().terminal();
            JobPlan plan = busy ? JobPlan.refused(task, ALREADY_RUNNING) : JobPlan.of(catalog, task, runId);
            run = new JobRun(task, runId, nextEntryId(), now, visibilityDelay, plan, details);
            if (!busy) {
                runs.lastAccepted = run;
            }
            runs.list.add(run);
            all.add(run);
        }
        active.add(run);
        byEntryId.put(run.entryId(), run);
        return run;
    }

    /**
     * Records a taskflow subtask that ran from {@code start} to {@code end}, so that it shows in the activity
     * log (with {@code parentTaskFederatedId}), as IICS shows the mapping tasks a taskflow ran.
     */
    public void recordSubtask(CatalogTask task, Instant start, Instant end, RunScript outcome, StartDetails details) {
        RunScript script = new RunScript(Duration.between(start, end), outcome.outcome(), outcome.rows(), outcome.errorMessage());
        JobPlan plan = new JobPlan(List.of(new JobStep(task, Duration.ZERO, script)));
        JobRun run = new JobRun(task, 0, nextEntryId(), start, Duration.ZERO, plan, details);
        subtaskRuns.add(run);
        byEntryId.put(run.entryId(), run);
    }

    /** Stops every unfinished run of {@code task}; returns the runs stopped (empty when none was running). */
    public List<JobRun> stop(CatalogTask task, String user) {
        TaskRuns runs = byTask.get(task.id());
        List<JobRun> stopped = new ArrayList<>();
        if (runs != null) {
            synchronized (runs) {
                Instant now = clock.instant();
                for (JobRun r : runs.list) {
                    if (r.requestStop(now, user)) {
                        stopped.add(r);
                    }
                }
            }
        }
        return stopped;
    }

    /** What the activity monitor shows now, in start order. */
    public List<JobSnapshot> monitor() {
        Instant now = clock.instant();
        List<JobSnapshot> out = new ArrayList<>();
        for (JobRun r : active) {
            JobSnapshot s = r.at(now);
            if (s.phase().terminal()) {
                active.remove(r);
            } else if (s.phase().inMonitor()) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparing(s -> s.run().startedAt()));
        return out;
    }

    /** Ended runs, newest first, optionally of one task (v2 id) and one run id. */
    public List<JobSnapshot> finished(String taskId, Long runId) {
        Instant now = clock.instant();
        List<JobRun> candidates = new ArrayList<>();
        if (taskId == null) {
            candidates.addAll(all);
        } else {
            TaskRuns runs = byTask.get(taskId);
            if (runs != null) {
                synchronized (runs) {
                    candidates.addAll(runs.list);
                }
            }
        }
        subtaskRuns.stream().filter(r -> taskId == null || r.task().id().equals(taskId)).forEach(candidates::add);
        List<JobSnapshot> out = new ArrayList<>();
        for (JobRun r : candidates) {
            if (runId == null || r.runId() == runId) {
                JobSnapshot s = r.at(now);
                if (s.phase().terminal()) {
                    out.add(s);
                }
            }
        }
        out.sort(NEWEST_FIRST);
        return out;
    }

    /** The ended run with this activity log entry id. */
    public Optional<JobSnapshot> finishedEntry(String entryId) {
        JobRun r = byEntryId.get(entryId);
        if (r == null) {
            return Optional.empty();
        }
        JobSnapshot s = r.at(clock.instant());
        return s.phase().terminal() ? Optional.of(s) : Optional.empty();
    }

    /** Every run, in start order, as it is now. */
    public List<JobSnapshot> all() {
        Instant now = clock.instant();
        List<JobSnapshot> out = new ArrayList<>();
        for (JobRun r : all) {
            out.add(r.at(now));
        }
        return out;
    }

    /** Forgets every run; run ids count from 1 again. */
    public void reset() {
        all.clear();
        subtaskRuns.clear();
        active.clear();
        byTask.clear();
        byEntryId.clear();
    }

    public Clock clock() {
        return clock;
    }

    private String nextEntryId() {
        String digits = Long.toString(entrySequence.incrementAndGet(), 36).toUpperCase(Locale.ROOT);
        return "010000C1" + "0".repeat(Math.max(0, 12 - digits.length())) + digits;
    }

    private static final class TaskRuns {
        private final List<JobRun> list = new ArrayList<>();
        private JobRun lastAccepted;
    }
}
