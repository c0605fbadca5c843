package dev.iicsctl.client.internal.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.client.internal.http.WireJson;
import dev.iicsctl.client.job.Rows;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.monitor.ActiveRun;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads activity monitor and activity log entries. The one place where IICS states become {@link RunState}s:
 * monitor {@code executionState} gives running states only; final states come from the log entry's
 * {@code state} (1 success, 2 warning, 3 failed; anything else is not a success), overridden by
 * {@code isStopped} or an error message saying the run was stopped.
 */
public final class ActivityEntries {

    private ActivityEntries() {
    }

    /**
     * @param entry an activity monitor entry
     * @return it as an active run
     */
    public static ActiveRun activeRun(JsonNode entry) {
        String exec = WireJson.text(entry, "executionState");
        Long runId = WireJson.number(entry, "runId");
        return new ActiveRun(WireJson.text(entry, "taskId"), WireJson.text(entry, "taskName"),
                WireJson.text(entry, "type"), runId == null ? 0 : runId, monitorState(exec),
                exec == null ? null : exec.toUpperCase(Locale.ROOT),
                WireTimes.utc(entry, "startTimeUtc", "startTime"), rows(entry), WireJson.text(entry, "startedBy"));
    }

    /**
     * @param executionState the monitor's {@code executionState}
     * @return QUEUED for QUEUED/INITIALIZED, otherwise RUNNING (COMPLETED/FAILED in the monitor are transitional:
     *     the outcome is read from the activity log)
     */
    public static RunState monitorState(String executionState) {
        String s = executionState == null ? "" : executionState.trim().toUpperCase(Locale.ROOT);
        return s.equals("QUEUED") || s.equals("INITIALIZED") ? RunState.QUEUED : RunState.RUNNING;
    }

    /**
     * @param executionState the monitor's {@code executionState}
     * @return whether the run is ending, so the activity log should be read now
     */
    public static boolean isEnding(String executionState) {
        String s = executionState == null ? "" : executionState.trim().toUpperCase(Locale.ROOT);
        return s.equals("COMPLETED") || s.equals("FAILED");
    }

    /**
     * @param task the task the run belongs to
     * @param run the monitor entry
     * @return a running snapshot
     */
    public static RunResult snapshot(TaskRef task, ActiveRun run) {
        return new RunResult(task, run.runId(), run.state(), run.startTime(), null, null, run.rows(), null, List.of(),
                null);
    }

    /**
     * @param task the task the run belongs to
     * @param runId the run id
     * @param state a non-final state
     * @return a snapshot with nothing else known
     */
    public static RunResult unseen(TaskRef task, long runId, RunState state) {
        return new RunResult(task, runId, state, null, null, null, Rows.NONE, null, List.of(), null);
    }

    /**
     * @param task the task the run belongs to
     * @param entry an activity log entry
     * @return the finished run, with its child entries
     */
    public static RunResult finished(TaskRef task, JsonNode entry) {
        // Start and end are read together: across the autumn change an Eastern-only entry is otherwise negative.
        WireTimes.Span span = WireTimes.span(entry);
        Instant start = span.start();
        Instant end = span.end();
        Long runId = WireJson.number(entry, "runId");
        String error = WireJson.text(entry, "errorMsg");
        List<RunResult> children = new ArrayList<>();
        for (JsonNode child : entry.path("entries")) {
            children.add(finished(childTask(task, child), child));
        }
        return new RunResult(task, runId == null ? 0 : runId, finalState(entry), start, end,
                start != null && end != null ? Duration.between(start, end) : null, rows(entry), error, children,
                WireJson.text(entry, "id"));
    }

    /**
     * @param entry an activity log entry
     * @return its final state
     */
    public static RunState finalState(JsonNode entry) {
        String error = WireJson.text(entry, "errorMsg");
        if (WireJson.flag(entry, "isStopped")
                || error != null && error.toLowerCase(Locale.ROOT).contains("stopped by user")) {
            return RunState.STOPPED;
        }
        Long state = WireJson.number(entry, "state");
        if (state == null) {
            return RunState.FAILED;
        }
        return switch (state.intValue()) {
            case 1 -> RunState.SUCCEEDED;
            case 2 -> RunState.WARNING;
            default -> RunState.FAILED;
        };
    }

    /**
     * @param entry a monitor or log entry
     * @return its row counts (missing fields are 0)
     */
    public static Rows rows(JsonNode entry) {
        return new Rows(count(entry, "successSourceRows"), count(entry, "failedSourceRows"),
                count(entry, "successTargetRows"), count(entry, "failedTargetRows"));
    }

    private static long count(JsonNode entry, String field) {
        Long v = WireJson.number(entry, field);
        return v == null ? 0 : v;
    }

    private static TaskRef childTask(TaskRef parent, JsonNode child) {
        TaskType type = TaskType.fromCode(WireJson.text(child, "type")).orElse(parent.type());
        String id = WireJson.text(child, "objectId");
        String name = WireJson.text(child, "objectName");
        if (id == null && (name == null || name.isEmpty())) {
            return parent;
        }
        return new TaskRef(id, null, name, null, type);
    }
}
