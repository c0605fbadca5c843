package dev.iicsctl.emulator.taskflow;

import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.catalog.Catalog;
import dev.iicsctl.emulator.catalog.CatalogTask;
import dev.iicsctl.emulator.catalog.CatalogTaskflow;
import dev.iicsctl.emulator.catalog.Outcome;
import dev.iicsctl.emulator.catalog.RunScript;
import dev.iicsctl.emulator.id.IdGenerator;
import dev.iicsctl.emulator.run.RunEngine;
import dev.iicsctl.emulator.run.StartDetails;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** All taskflow runs: start, status, resume and terminate. Thread-safe. */
public final class TaskflowEngine {
    private final Catalog catalog;
    private final Clock clock;
    private final IdGenerator ids;
    private final Queue<EmulatedTaskflowRun> all = new ConcurrentLinkedQueue<>();
    private final Map<String, EmulatedTaskflowRun> byRunId = new ConcurrentHashMap<>();

    public TaskflowEngine(Catalog catalog, Clock clock, IdGenerator ids) {
        this.catalog = catalog;
        this.clock = clock;
        this.ids = ids;
    }

    /** Starts a run of a published taskflow, with an optional custom run name ({@code TF-INSTANCE-NAME}). */
    public EmulatedTaskflowRun start(CatalogTaskflow flow, String user, String customName) {
        List<CatalogTask> subtasks = new ArrayList<>();
        for (String path : flow.subtasks()) {
            subtasks.add(catalog.taskByPath(path).orElseThrow());
        }
        String runId;
        do {
            runId = ids.twentyDigits();
        } while (byRunId.containsKey(runId));
        EmulatedTaskflowRun run = new EmulatedTaskflowRun(flow, subtasks, runId, clock.instant(), user, customName);
        byRunId.put(runId, run);
        all.add(run);
        return run;
    }

    /** The run with this id, as it is now. */
    public Optional<TaskflowSnapshot> status(String runId) {
        EmulatedTaskflowRun run = runId == null ? null : byRunId.get(runId);
        return run == null ? Optional.empty() : Optional.of(run.at(clock.instant()));
    }

    /** Every run, newest first, as it is now. */
    public List<TaskflowSnapshot> newestFirst() {
        List<TaskflowSnapshot> out = new ArrayList<>();
        for (EmulatedTaskflowRun r : all) {
            out.add(0, r.at(clock.instant()));
        }
        return out;
    }

    /**
     * Writes the subtask attempts that have ended since the last call to the v2 activity log of {@code jobs}
     * (with {@code parentTaskFederatedId}). Called before the log is read, since nothing runs in the background.
     */
    public void logEndedSubtasks(RunEngine jobs) {
        Instant now = clock.instant();
        for (EmulatedTaskflowRun r : all) {
            for (SubtaskSnapshot sub : r.at(now).subtasks()) {
                if (sub.end() != null && r.markLogged(sub)) {
                    // A step that ran a task with warnings is logged as that task's runs are: state 2.
                    Outcome outcome = sub.status() == TaskflowStatus.SUCCESS ? Outcome.SUCCESS
                            : sub.status() == TaskflowStatus.WARNING ? Outcome.WARNING : Outcome.FAILED;
                    jobs.recordSubtask(sub.task(), sub.start(), sub.end(),
                            new RunScript(Duration.ZERO, outcome, sub.rows(), sub.errorMessage()),
                            new StartDetails(r.startedBy(), null, null, null, r.flow().federatedId()));
                }
            }
        }
    }

    /** Resumes a suspended run, retrying or skipping its faulted step; false when it is not suspended. */
    public boolean resume(EmulatedTaskflowRun run, boolean retry, String user) {
        return run.add(retry ? EmulatedTaskflowRun.EventKind.RETRY : EmulatedTaskflowRun.EventKind.SKIP, clock.instant(), user);
    }

    /** Terminates a running or suspended run; false when it has already ended. */
    public boolean terminate(EmulatedTaskflowRun run, String user) {
        return run.add(EmulatedTaskflowRun.EventKind.TERMINATE, clock.instant(), user);
    }

    /** The current instant of the emulator's clock. */
    public java.time.Instant now() {
        return clock.instant();
    }

    /** Forgets every run. */
    public void reset() {
        all.clear();
        byRunId.clear();
    }

    /** Every run for the control API, in start order. */
    public List<EmulatedRun> emulatedRuns() {
        List<EmulatedRun> out = new ArrayList<>();
        for (EmulatedTaskflowRun r : all) {
            TaskflowSnapshot s = r.at(clock.instant());
            out.add(new EmulatedRun("taskflow", r.flow().path(), r.flow().name(), "TASKFLOW", null,
                    r.flow().federatedId(), r.runId(), s.status().controlState(), r.startedAt(), s.end(), s.rows(),
                    s.errorMessage(), r.startedBy()));
        }
        return out;
    }
}
