package dev.iicsctl.client.internal.job;

import dev.iicsctl.client.monitor.ActiveRun;
import dev.iicsctl.client.task.TaskRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One poll's activity monitor entries, indexed by task id and by task name, so that a watcher following
 * thousands of runs finds each run's entries without scanning the whole monitor once per run.
 */
public final class MonitorSnapshot {

    private final List<ActiveRun> entries;
    private final Map<String, List<ActiveRun>> byTaskId = new HashMap<>();
    private final Map<String, List<ActiveRun>> byName = new HashMap<>();

    /**
     * @param entries the monitor's entries
     */
    public MonitorSnapshot(List<ActiveRun> entries) {
        this.entries = List.copyOf(entries);
        for (ActiveRun r : entries) {
            if (r.taskId() != null) {
                byTaskId.computeIfAbsent(r.taskId(), k -> new ArrayList<>()).add(r);
            }
            if (r.taskName() != null) {
                byName.computeIfAbsent(r.taskName(), k -> new ArrayList<>()).add(r);
            }
        }
    }

    /** @return every entry */
    public List<ActiveRun> entries() {
        return entries;
    }

    /**
     * The same answer as {@link RunLookup#runsOf(TaskRef, List)} on the whole list.
     *
     * @param task the task
     * @return the task's runs in the monitor, newest (highest run id) first
     */
    public List<ActiveRun> runsOf(TaskRef task) {
        List<ActiveRun> candidates = new ArrayList<>();
        if (task.id() != null) {
            candidates.addAll(byTaskId.getOrDefault(task.id(), List.of()));
        }
        if (task.name() != null) {
            for (ActiveRun r : byName.getOrDefault(task.name(), List.of())) {
                // An entry with an id was already taken (or rejected) by id when the task has one.
                if (task.id() == null || r.taskId() == null) {
                    candidates.add(r);
                }
            }
        }
        return RunLookup.runsOf(task, candidates);
    }
}
