package dev.iicsctl.client.internal.taskflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.client.internal.http.WireJson;
import dev.iicsctl.client.internal.job.WireTimes;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.taskflow.SubtaskResult;
import dev.iicsctl.client.taskflow.TaskflowResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads taskflow status objects. Documented statuses are {@code RUNNING}, {@code SUCCESS}, {@code FAILED} and
 * {@code SUSPENDED}; guessed ones are mapped by meaning, and anything unknown is a failure, never a success.
 * As with jobs, a run ended by a user (a stop/terminate status, or a failure whose message says it was
 * terminated or stopped by a user) is {@link RunState#STOPPED}; a successful taskflow with a step that ended
 * with warnings ({@code WARNING}) is {@link RunState#WARNING}.
 */
final class TaskflowStatuses {

    private TaskflowStatuses() {
    }

    static RunState state(String status) {
        String s = status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
        return switch (s) {
            case "RUNNING", "STARTED", "IN_PROGRESS", "RESTARTED" -> RunState.RUNNING;
            case "QUEUED", "NOT_STARTED", "SCHEDULED" -> RunState.QUEUED;
            case "SUCCESS", "SUCCEEDED", "COMPLETED" -> RunState.SUCCEEDED;
            case "WARNING" -> RunState.WARNING;
            case "SUSPENDED" -> RunState.SUSPENDED;
            case "SKIPPED", "STOPPED", "TERMINATED", "ABORTED", "CANCELLED", "CANCELED" -> RunState.STOPPED;
            default -> RunState.FAILED;
        };
    }

    /** The state, where a failure that a user caused (terminate, stop) counts as stopped. */
    static RunState state(String status, String errorMessage) {
        RunState state = state(status);
        if (state == RunState.FAILED && errorMessage != null) {
            String error = errorMessage.toLowerCase(Locale.ROOT);
            if (error.contains("terminated by") || error.contains("stopped by") || error.contains("aborted by")) {
                return RunState.STOPPED;
            }
        }
        return state;
    }

    static TaskflowResult result(TaskRef taskflow, String runId, JsonNode o) {
        String status = WireJson.text(o, "status");
        Instant start = WireTimes.parseUtc(o.get("startTime"));
        Instant end = WireTimes.parseUtc(o.get("endTime"));
        List<SubtaskResult> subtasks = new ArrayList<>();
        for (JsonNode t : o.path("subtaskDetails").path("details").path("tasks")) {
            subtasks.add(subtask(t));
        }
        String error = WireJson.text(o, "errorMessage");
        RunState state = state(status, error);
        if (state == RunState.SUCCEEDED && subtasks.stream().anyMatch(s -> s.state() == RunState.WARNING)) {
            state = RunState.WARNING;
        }
        return new TaskflowResult(taskflow, runId, state, status, start, state.isTerminal() ? end : null,
                duration(o, start, end), error, subtasks);
    }

    private static SubtaskResult subtask(JsonNode t) {
        String status = WireJson.text(t, "status");
        Instant start = WireTimes.parseUtc(t.get("startTime"));
        Instant end = WireTimes.parseUtc(t.get("endTime"));
        Long processed = WireJson.number(t, "rowsProcessed");
        Long errored = WireJson.number(t, "erroredRows");
        String error = WireJson.text(t, "errorMessage");
        RunState state = state(status, error);
        return new SubtaskResult(WireJson.text(t, "assetName"), WireJson.text(t, "assetType"),
                WireJson.text(t, "location"), WireJson.text(t, "runId"), state, status, start, end,
                duration(t, start, end), processed == null ? 0 : processed, errored == null ? 0 : errored, error);
    }

    private static Duration duration(JsonNode o, Instant start, Instant end) {
        Long seconds = WireJson.number(o, "duration");
        if (seconds != null) {
            return Duration.ofSeconds(seconds);
        }
        return start != null && end != null ? Duration.between(start, end) : null;
    }
}
