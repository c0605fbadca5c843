package dev.iicsctl.client.internal.taskflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.client.internal.api.ApiArea;
import dev.iicsctl.client.internal.api.ApiRequest;
import dev.iicsctl.client.internal.api.IicsApi;
import dev.iicsctl.client.internal.http.HttpAnswer;
import dev.iicsctl.client.internal.http.WireJson;
import dev.iicsctl.client.internal.job.ActivityEntries;
import dev.iicsctl.client.internal.job.RunLookup;
import dev.iicsctl.client.internal.job.WireTimes;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.client.taskflow.TaskflowResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds taskflow runs in the status resource (one run by id, a taskflow's runs) and the v2 activity log entries
 * of a run's steps. Every filter is also applied here, so a server that ignores a query parameter changes
 * nothing.
 */
final class TaskflowLookup {

    static final String STATUS = "/active-bpel/services/tf/status";
    /** The status resource's largest page. */
    private static final int PAGE = 50;
    private static final int MAX_PAGES = 20;
    /** Activity log rows per page when looking for a run's steps, and how many pages at most. */
    private static final int LOG_PAGE = 200;
    private static final int MAX_LOG_PAGES = 5;
    /** The status resource gives whole seconds: a step may start up to a second before or after what it says. */
    private static final Duration SLACK = Duration.ofSeconds(1);

    private final IicsApi api;

    TaskflowLookup(IicsApi api) {
        this.api = api;
    }

    /**
     * One run's status object: {@code status/<runId>}, or the {@code status?runId=} form when the first is
     * refused; an object or the first element of an array.
     *
     * @return the object, or {@code null} when IICS knows no such run (yet)
     */
    JsonNode statusObject(String runId) {
        // A garbled answer is read again, as any safe read is.
        return api.transport().read(true, () -> statusAnswer(runId), answer -> statusObject(answer, runId));
    }

    private HttpAnswer statusAnswer(String runId) {
        HttpAnswer answer = api.exchange(ApiRequest.get(ApiArea.POD_ROOT, STATUS + "/" + IicsApi.encode(runId)).build());
        if (answer.status() == 404 || answer.status() == 405) {
            answer = api.exchange(ApiRequest.get(ApiArea.POD_ROOT, STATUS).query("runId", runId).query("rowLimit", "1")
                    .build());
        }
        return answer;
    }

    private JsonNode statusObject(HttpAnswer answer, String runId) {
        if (answer.status() == 404) {
            return null;
        }
        JsonNode json = WireJson.parse(api.require(answer));
        JsonNode o = json.isArray() ? firstWithRunId(json, runId) : json;
        return o == null || !o.isObject() || o.isEmpty() ? null : o;
    }

    private static JsonNode firstWithRunId(JsonNode array, String runId) {
        for (JsonNode o : array) {
            String id = WireJson.text(o, "runId");
            if (id == null || id.equals(runId)) {
                return o;
            }
        }
        return null;
    }

    /** The run with this id, its taskflow named as the status object names it. */
    Optional<TaskflowResult> find(String runId) {
        JsonNode o = statusObject(runId);
        if (o == null) {
            return Optional.empty();
        }
        String name = WireJson.text(o, "assetName");
        String location = trimSlashes(WireJson.text(o, "location"));
        TaskRef taskflow = new TaskRef(null, null, name != null ? name : "taskflow run " + runId,
                name == null || location == null || location.isEmpty() ? null : location + "/" + name,
                TaskType.TASKFLOW);
        return Optional.of(TaskflowStatuses.result(taskflow, runId, o));
    }

    /**
     * The taskflow's runs in the status resource, newest first.
     *
     * @param runStatus the {@code runStatus} filter ({@code Running}, {@code Suspended}, ...) or {@code null}
     */
    List<TaskflowResult> runs(TaskRef taskflow, String runStatus, int limit) {
        List<TaskflowResult> found = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES && found.size() < limit; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("rowLimit", Integer.toString(PAGE));
            query.put("offset", Integer.toString(page * PAGE));
            if (runStatus != null) {
                query.put("runStatus", runStatus);
            }
            JsonNode json = api.getJson(ApiArea.POD_ROOT, STATUS, query);
            int seen = 0;
            for (JsonNode o : statusList(json)) {
                seen++;
                String runId = WireJson.text(o, "runId");
                if (runId != null && isOf(taskflow, o) && found.size() < limit
                        && found.stream().noneMatch(r -> r.runId().equals(runId))) {
                    found.add(TaskflowStatuses.result(taskflow, runId, o));
                }
            }
            if (seen < PAGE) {
                break;
            }
        }
        found.sort(Comparator.comparing(TaskflowResult::startTime, Comparator.nullsLast(Comparator.reverseOrder())));
        return found;
    }

    /** A list answer: an array, an object wrapping one, or a lone status object. */
    private static Iterable<JsonNode> statusList(JsonNode json) {
        return json.isObject() && json.has("runId") ? List.of(json) : RunLookup.entries(json);
    }

    /** Runs of the taskflow that have not ended (running, queued or suspended), newest first. */
    List<TaskflowResult> unfinished(TaskRef taskflow) {
        List<TaskflowResult> open = new ArrayList<>();
        for (String filter : List.of("Running", "Suspended")) {
            for (TaskflowResult r : runs(taskflow, filter, PAGE * MAX_PAGES)) {
                boolean notEnded = !r.state().isTerminal() || r.state() == RunState.SUSPENDED;
                if (notEnded && open.stream().noneMatch(o -> o.runId().equals(r.runId()))) {
                    open.add(r);
                }
            }
        }
        return open;
    }

    /**
     * The v2 activity log entries of a run's steps: entries whose {@code parentTaskFederatedId} is the
     * taskflow's federated id and whose times fall within the run. Oldest first.
     */
    List<RunResult> subtaskRuns(TaskflowResult run) {
        String parent = run.taskflow().federatedId();
        if (parent == null || run.startTime() == null) {
            return List.of();
        }
        Instant from = run.startTime().minus(SLACK);
        Instant to = run.endTime() == null ? null : run.endTime().plus(SLACK);
        List<RunResult> steps = new ArrayList<>();
        for (int page = 0; page < MAX_LOG_PAGES; page++) {
            JsonNode json = api.getJson(ApiArea.V2, "/activity/activityLog",
                    Map.of("rowLimit", Integer.toString(LOG_PAGE), "offset", Integer.toString(page * LOG_PAGE)));
            int seen = 0;
            boolean olderThanRun = false;
            for (JsonNode entry : RunLookup.entries(json)) {
                seen++;
                Instant start = WireTimes.utc(entry, "startTimeUtc", "startTime");
                Instant end = WireTimes.utc(entry, "endTimeUtc", "endTime");
                if (end != null && end.isBefore(from)) {
                    olderThanRun = true; // newest first: the rest ended before this run began
                    continue;
                }
                boolean inRun = start != null && !start.isBefore(from) && (to == null || !start.isAfter(to));
                if (inRun && parent.equals(WireJson.text(entry, "parentTaskFederatedId"))) {
                    steps.add(ActivityEntries.finished(stepTask(entry), entry));
                }
            }
            if (seen < LOG_PAGE || olderThanRun) {
                break;
            }
        }
        steps.sort(Comparator.comparing(RunResult::startTime, Comparator.nullsLast(Comparator.naturalOrder())));
        return steps;
    }

    private static TaskRef stepTask(JsonNode entry) {
        String name = WireJson.text(entry, "objectName");
        String id = WireJson.text(entry, "objectId");
        TaskType type = TaskType.fromCode(WireJson.text(entry, "type")).orElse(TaskType.MTT);
        return new TaskRef(id, null, name == null || name.isEmpty() ? (id == null ? "step" : null) : name, null,
                type);
    }

    /**
     * Whether the status resource's {@code assetName} names a run of the taskflow: its name, or, for a run given a
     * custom name ({@code TF-INSTANCE-NAME}), {@code <taskflow>-<custom name>-<runId>}.
     */
    static boolean namesARunOf(String taskflowName, String assetName, String runId) {
        if (taskflowName == null || assetName == null) {
            return false;
        }
        return assetName.equals(taskflowName) || runId != null && assetName.startsWith(taskflowName + "-")
                && assetName.endsWith("-" + runId) && assetName.length() > taskflowName.length() + runId.length() + 2;
    }

    /** Whether a status object is a run of this taskflow: same name, and same folder when both are known. */
    private static boolean isOf(TaskRef taskflow, JsonNode o) {
        if (!namesARunOf(taskflow.name(), WireJson.text(o, "assetName"), WireJson.text(o, "runId"))) {
            return false;
        }
        String location = trimSlashes(WireJson.text(o, "location"));
        if (location == null || location.isEmpty() || taskflow.path() == null) {
            return true;
        }
        return Objects.equals(trimSlashes(taskflow.path()), location + "/" + taskflow.name());
    }

    private static String trimSlashes(String s) {
        return s == null ? null : s.replaceAll("^/+|/+$", "");
    }
}
