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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import dev.iicsctl.client.task.TaskService;

/**
 * Finds runs in the activity monitor and the activity log. A run counts as finished only when its activity
 * log entry exists; a run in neither place is "not yet visible" (just started) or "between monitor and log"
 * (just ended), never done.
 */
public final class RunLookup {

    /** Rows asked for when the log must be searched without a v2 task id. */
    static final int SEARCH_ROWS = 200;
    /** Rows asked for beyond the runs looked for when several are read together (other runs end too). */
    static final int BATCH_MARGIN = 50;
    /** The most rows one activity log request may ask for. */
    static final int MAX_ROWS = 1000;

    private final IicsApi api;
    private final TaskService tasks;
    private final MonitorSource monitorSource;
    private final boolean shared;
    private final Map<String, TaskRef> byFederatedId = new ConcurrentHashMap<>();

    /**
     * @param api the API
     * @param tasks resolves a task known only by federated id, so its runs can be recognised
     */
    public RunLookup(IicsApi api, TaskService tasks) {
        this(api, tasks, Function.identity());
    }

    /**
     * @param api the API
     * @param tasks resolves a task known only by federated id, so its runs can be recognised
     * @param sharing puts snapshot sharing around the one monitor call (or leaves it as it is)
     */
    public RunLookup(IicsApi api, TaskService tasks, Function<MonitorSource, MonitorSource> sharing) {
        this.api = api;
        this.tasks = tasks;
        MonitorSource direct = (maxAge, keepPace) -> pollMonitor();
        this.monitorSource = sharing.apply(direct);
        this.shared = monitorSource != direct;
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

    /** @return the activity monitor's entries now (one call, or a shared snapshot taken since this call) */
    public List<ActiveRun> monitor() {
        return monitor(Duration.ZERO);
    }

    /**
     * @param maxAge how old a shared snapshot may be to stand in for the call
     * @return the activity monitor's entries
     */
    public List<ActiveRun> monitor(Duration maxAge) {
        return activeRuns(monitorSource.entries(maxAge, false));
    }

    /**
     * The look of a caller that polls at a steady interval (a follower, a watcher): a shared snapshot younger
     * than the interval stands in for the call, and the look may wait once to fall into step with the process
     * that polls for everyone.
     *
     * @param interval the interval since the caller's previous look
     * @return the activity monitor's entries
     */
    public List<ActiveRun> monitorInStep(Duration interval) {
        return activeRuns(monitorSource.entries(interval, true));
    }

    /**
     * @return whether looks at the monitor may be answered by another process's snapshot, which can be older
     *     than the look
     */
    public boolean sharesMonitor() {
        return shared;
    }

    private static List<ActiveRun> activeRuns(List<JsonNode> entries) {
        List<ActiveRun> runs = new ArrayList<>();
        for (JsonNode entry : entries) {
            runs.add(ActivityEntries.activeRun(entry));
        }
        return runs;
    }

    /** @return the activity monitor's entries now as sent, for what {@link ActiveRun} leaves out */
    public List<JsonNode> monitorEntries() {
        return monitorEntries(Duration.ZERO);
    }

    /**
     * @param maxAge how old a shared snapshot may be to stand in for the call
     * @return the activity monitor's entries as sent
     */
    public List<JsonNode> monitorEntries(Duration maxAge) {
        return monitorSource.entries(maxAge, false);
    }

    /** The one place the activity monitor is called. */
    private List<JsonNode> pollMonitor() {
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
        return observeAll(List.of(new Look(run, seenBefore, askLog)), monitor).get(0);
    }

    /**
     * One look at a run, for {@link #observeAll}.
     *
     * @param run the run
     * @param seenBefore whether an earlier poll saw the run
     * @param askLog whether to ask the activity log when the monitor does not list the run
     */
    public record Look(RunHandle run, boolean seenBefore, boolean askLog) {
    }

    /**
     * Looks at many runs given this poll's monitor entries. The runs that need the activity log (not listed, or
     * listed as ending) are read with one request when there are several: the org's newest entries, enough rows
     * for all of them and a margin for other runs that ended meanwhile. A run missing from a full answer (it
     * may have been cut off) is then asked for alone, as one run always is.
     *
     * @param looks the runs
     * @param monitor this poll's monitor entries
     * @return what was found, in the order of the looks
     */
    public List<Observation> observeAll(List<Look> looks, MonitorSnapshot monitor) {
        List<TaskRef> identified = new ArrayList<>();
        List<ActiveRun> listed = new ArrayList<>();
        int needLog = 0;
        for (Look look : looks) {
            TaskRef task = identified(look.run().task());
            ActiveRun active = null;
            for (ActiveRun r : monitor.runsOf(task)) {
                if (r.runId() == look.run().runId()) {
                    active = r;
                    task = task.learnedFrom(r.taskId(), r.taskName());
                    break;
                }
            }
            identified.add(task);
            listed.add(active);
            if (needsLog(look, active)) {
                needLog++;
            }
        }
        LogBatch batch = needLog >= 2 ? readBatch(needLog) : null;
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < looks.size(); i++) {
            Look look = looks.get(i);
            TaskRef task = identified.get(i);
            ActiveRun active = listed.get(i);
            if (!needsLog(look, active)) {
                out.add(active != null ? new Observation(ActivityEntries.snapshot(task, active), true)
                        : notListed(task, look.run(), look.seenBefore()));
                continue;
            }
            long runId = look.run().runId();
            Optional<JsonNode> logged = batch == null ? logEntry(task, runId) : batch.find(task, runId);
            if (logged.isEmpty() && batch != null && batch.full()) {
                logged = logEntry(task, runId);
            }
            if (logged.isPresent()) {
                JsonNode entry = logged.get();
                out.add(new Observation(ActivityEntries.finished(task.learnedFrom(WireJson.text(entry, "objectId"),
                        WireJson.text(entry, "objectName")), entry), active != null));
            } else if (active != null) {
                out.add(new Observation(ActivityEntries.snapshot(task, active), true));
            } else {
                out.add(notListed(task, look.run(), look.seenBefore()));
            }
        }
        return out;
    }

    private static boolean needsLog(Look look, ActiveRun active) {
        return active == null ? look.askLog() : ActivityEntries.isEnding(active.executionState());
    }

    /**
     * The org's newest activity log entries, read once for several runs.
     *
     * @param byRunId the entries by run id
     * @param full whether the answer had as many rows as it could (so older entries may have been left out)
     */
    private record LogBatch(Map<Long, List<JsonNode>> byRunId, boolean full) {

        Optional<JsonNode> find(TaskRef task, long runId) {
            for (JsonNode entry : byRunId.getOrDefault(runId, List.of())) {
                if (matches(task, entry)) {
                    return Optional.of(entry);
                }
            }
            return Optional.empty();
        }
    }

    private LogBatch readBatch(int runs) {
        int rows = Math.min(MAX_ROWS, runs + BATCH_MARGIN);
        Map<Long, List<JsonNode>> byRunId = new HashMap<>();
        int count = 0;
        for (JsonNode entry : entries(api.getJson(ApiArea.V2, "/activity/activityLog",
                Map.of("rowLimit", Integer.toString(rows))))) {
            count++;
            Long id = WireJson.number(entry, "runId");
            if (id != null) {
                byRunId.computeIfAbsent(id, k -> new ArrayList<>()).add(entry);
            }
        }
        // A server may cap the rows lower than asked (the documented default is 200): only an answer shorter
        // than both proves that an entry missing from it does not exist yet.
        return new LogBatch(byRunId, count >= Math.min(rows, SEARCH_ROWS));
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
