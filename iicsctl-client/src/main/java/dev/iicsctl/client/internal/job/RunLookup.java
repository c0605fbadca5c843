package dev.iicsctl.client.internal.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.client.internal.api.ApiArea;
import dev.iicsctl.client.internal.api.IicsApi;
import dev.iicsctl.client.internal.http.WireJson;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.monitor.ActiveRun;
import dev.iicsctl.client.task.TaskRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import dev.iicsctl.client.task.TaskService;

/**
 * Finds runs in the activity monitor and the activity log. A run counts as finished only when its activity
 * log entry exists; a run in neither place is "not yet visible" (just started) or "between monitor and log"
 * (just ended), never done.
 */
public final class RunLookup {

    /** Rows asked for when the log must be searched without a v2 task id. */
    static final int SEARCH_ROWS = 200;

    private final IicsApi api;
    private final TaskService tasks;
    private final Map<String, TaskRef> byFederatedId = new ConcurrentHashMap<>();

    /**
     * @param api the API
     * @param tasks resolves a task known only by federated id, so its runs can be recognised
     */
    public RunLookup(IicsApi api, TaskService tasks) {
        this.api = api;
        this.tasks = tasks;
    }

    /**
     * Monitor and log entries carry the v2 id and the name, never the federated id: a task known only by its
     * federated id is looked up once to learn its name.
     *
     * @param task a task
     * @return the task with a name or a v2 id
     */
    public TaskRef identified(TaskRef task) {
        if (task.id() != null || task.name() != null) {
            return task;
        }
        return byFederatedId.computeIfAbsent(task.federatedId(), fid -> tasks.byFederatedId(fid, task.type()));
    }

    /**
     * What one look at a run found.
     *
     * @param result the run as seen (final when its log entry exists)
     * @param inMonitor whether the activity monitor listed it
     */
    public record Observation(RunResult result, boolean inMonitor) {
    }

    /** @return the activity monitor's entries now (one call) */
    public List<ActiveRun> monitor() {
        List<ActiveRun> runs = new ArrayList<>();
        for (JsonNode entry : monitorEntries()) {
            runs.add(ActivityEntries.activeRun(entry));
        }
        return runs;
    }

    /** @return the activity monitor's entries now as sent (one call), for what {@link ActiveRun} leaves out */
    public List<JsonNode> monitorEntries() {
        List<JsonNode> out = new ArrayList<>();
        entries(api.getJson(ApiArea.V2, "/activity/activityMonitor", Map.of())).forEach(out::add);
        return out;
    }

    /**
     * @param task the task
     * @param monitor the monitor's entries
     * @return the task's runs in the monitor, newest (highest run id) first
     */
    public static List<ActiveRun> runsOf(TaskRef task, List<ActiveRun> monitor) {
        List<ActiveRun> mine = new ArrayList<>();
        for (ActiveRun r : monitor) {
            if (TaskMatch.matches(task, r.taskId(), r.taskName(), r.typeCode())) {
                mine.add(r);
            }
        }
        mine.sort((a, b) -> Long.compare(b.runId(), a.runId()));
        return mine;
    }

    /**
     * Looks at a run given the monitor's entries of this poll: the monitor first, then the activity log.
     *
     * @param run the run
     * @param monitor this poll's monitor entries
     * @param seenBefore whether an earlier poll saw the run (so "absent everywhere" means "ending", not "starting")
     * @return what was found; the task in the result carries the v2 id when it was learned
     */
    public Observation observe(RunHandle run, List<ActiveRun> monitor, boolean seenBefore) {
        return observe(run, new MonitorSnapshot(monitor), seenBefore, true);
    }

    /**
     * Looks at a run given this poll's indexed monitor entries.
     *
     * @param run the run
     * @param monitor this poll's monitor entries
     * @param seenBefore whether an earlier poll saw the run
     * @param askLog whether to ask the activity log when the monitor does not list the run; {@code false} spares
     *     a call for a run that has just been started and is probably not visible yet
     * @return what was found
     */
    public Observation observe(RunHandle run, MonitorSnapshot monitor, boolean seenBefore, boolean askLog) {
        TaskRef task = identified(run.task());
        ActiveRun active = null;
        for (ActiveRun r : monitor.runsOf(task)) {
            if (r.runId() == run.runId()) {
                active = r;
                break;
            }
        }
        if (active != null) {
            task = task.learnedFrom(active.taskId(), active.taskName());
            if (!ActivityEntries.isEnding(active.executionState())) {
                return new Observation(ActivityEntries.snapshot(task, active), true);
            }
        }
        if (active == null && !askLog) {
            return notListed(task, run, seenBefore);
        }
        Optional<JsonNode> logged = logEntry(task, run.runId());
        if (logged.isPresent()) {
            JsonNode entry = logged.get();
            return new Observation(ActivityEntries.finished(task.learnedFrom(WireJson.text(entry, "objectId"),
                    WireJson.text(entry, "objectName")), entry),
                    active != null);
        }
        if (active != null) {
            return new Observation(ActivityEntries.snapshot(task, active), true);
        }
        return notListed(task, run, seenBefore);
    }

    /** A run in neither the monitor nor the log: ending when seen before, else not visible yet. */
    private static Observation notListed(TaskRef task, RunHandle run, boolean seenBefore) {
        return new Observation(ActivityEntries.unseen(task, run.runId(),
                seenBefore ? RunState.RUNNING : RunState.NOT_YET_VISIBLE), false);
    }

    /**
     * @param anyTask the task
     * @param runId the run id
     * @return the run's activity log entry, once it exists
     */
    public Optional<JsonNode> logEntry(TaskRef anyTask, long runId) {
        TaskRef task = identified(anyTask);
        Map<String, String> query = new LinkedHashMap<>();
        if (task.id() != null) {
            query.put("taskId", task.id());
            query.put("runId", Long.toString(runId));
        } else {
            query.put("rowLimit", Integer.toString(SEARCH_ROWS));
        }
        // The server may or may not filter: check every entry here.
        for (JsonNode entry : entries(api.getJson(ApiArea.V2, "/activity/activityLog", query))) {
            Long id = WireJson.number(entry, "runId");
            if (id != null && id == runId && matches(task, entry)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /**
     * @param anyTask the task
     * @param limit at most this many
     * @return the task's activity log entries, newest first (searching the org's newest 1000 entries when the
     *     v2 task id is unknown)
     */
    public List<JsonNode> logEntries(TaskRef anyTask, int limit) {
        return logEntries(anyTask, limit, 1000);
    }

    /**
     * @param anyTask the task
     * @param limit at most this many
     * @param searchRows how many of the org's newest entries to search when the v2 task id is unknown
     *     (entries are large: keep it small when only recent runs matter)
     * @return the task's activity log entries, newest first
     */
    public List<JsonNode> logEntries(TaskRef anyTask, int limit, int searchRows) {
        TaskRef task = identified(anyTask);
        Map<String, String> query = new LinkedHashMap<>();
        if (task.id() != null) {
            query.put("taskId", task.id());
            query.put("rowLimit", Integer.toString(limit));
        } else {
            query.put("rowLimit", Integer.toString(searchRows));
        }
        List<JsonNode> mine = new ArrayList<>();
        for (JsonNode entry : entries(api.getJson(ApiArea.V2, "/activity/activityLog", query))) {
            if (matches(task, entry)) {
                mine.add(entry);
            }
        }
        mine.sort((a, b) -> Long.compare(runIdOf(b), runIdOf(a)));
        return mine.size() > limit ? mine.subList(0, limit) : mine;
    }

    /**
     * @param task the task
     * @param entry an activity log entry
     * @return whether it is a run of the task
     */
    public static boolean matches(TaskRef task, JsonNode entry) {
        return TaskMatch.matches(task, WireJson.text(entry, "objectId"), WireJson.text(entry, "objectName"),
                WireJson.text(entry, "type"));
    }

    private static long runIdOf(JsonNode entry) {
        Long id = WireJson.number(entry, "runId");
        return id == null ? 0 : id;
    }

    /**
     * @param json an answer that should be an array of entries (tolerates a wrapping object)
     * @return the entries
     */
    public static Iterable<JsonNode> entries(JsonNode json) {
        if (json == null || json.isNull()) {
            return List.of();
        }
        if (json.isArray()) {
            return json;
        }
        for (String key : List.of("activityLogEntries", "activityMonitorEntries", "entries", "objects")) {
            if (json.path(key).isArray()) {
                return json.get(key);
            }
        }
        return List.of();
    }
}
