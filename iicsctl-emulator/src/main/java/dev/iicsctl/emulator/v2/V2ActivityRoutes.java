package dev.iicsctl.emulator.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.iicsctl.emulator.http.ApiException;
import dev.iicsctl.emulator.http.ErrorCodes;
import dev.iicsctl.emulator.http.ErrorStyle;
import dev.iicsctl.emulator.http.Json;
import dev.iicsctl.emulator.http.Request;
import dev.iicsctl.emulator.http.Response;
import dev.iicsctl.emulator.http.Router;
import dev.iicsctl.emulator.run.JobSnapshot;
import dev.iicsctl.emulator.run.RunEngine;
import dev.iicsctl.emulator.run.StepSnapshot;
import dev.iicsctl.emulator.session.Authenticator;
import java.util.List;

/** v2 {@code activity/activityMonitor}, {@code activity/activityLog} (+ by id, session log) and {@code errorLog}. */
public final class V2ActivityRoutes {
    static final int DEFAULT_ROW_LIMIT = 200;
    static final int MAX_ROW_LIMIT = 1000;

    private final Authenticator auth;
    private final RunEngine runs;
    private final Runnable beforeLogRead;
    private final boolean utcTimes;

    /**
     * @param beforeLogRead brings other sources of log entries (taskflow subtasks) up to date
     * @param utcTimes whether log entries carry {@code startTimeUtc}/{@code endTimeUtc}
     */
    public V2ActivityRoutes(Authenticator auth, RunEngine runs, Runnable beforeLogRead, boolean utcTimes) {
        this.auth = auth;
        this.runs = runs;
        this.beforeLogRead = beforeLogRead;
        this.utcTimes = utcTimes;
    }

    public void register(Router pod) {
        pod.add("GET", "/saas/api/v2/activity/activityMonitor", ErrorStyle.V2, this::monitor);
        pod.add("GET", "/saas/api/v2/activity/activityLog", ErrorStyle.V2, this::log);
        pod.add("GET", "/saas/api/v2/activity/activityLog/{id}", ErrorStyle.V2, this::logEntry);
        pod.add("GET", "/saas/api/v2/activity/activityLog/{id}/sessionLog", ErrorStyle.V2, this::sessionLog);
        pod.add("GET", "/saas/api/v2/activity/errorLog/{id}", ErrorStyle.V2, this::errorLog);
    }

    private Response monitor(Request request) {
        auth.require(request);
        boolean details = "true".equalsIgnoreCase(request.query("details"));
        ArrayNode out = Json.array();
        for (JobSnapshot s : runs.monitor()) {
            out.add(ActivityJson.monitorEntry(s, details));
        }
        return Response.ok(out).withXmlRoot("activityMonitorEntries");
    }

    private Response log(Request request) {
        auth.require(request);
        String taskId = blankToNull(request.query("taskId"));
        Long runId = request.query("runId") == null ? null : request.queryNumber("runId", 0);
        if (runId != null && taskId == null) {
            throw ApiException.badRequest("'taskId' is required when 'runId' is given.");
        }
        long offset = request.queryNumber("offset", 0);
        long limit = Math.min(MAX_ROW_LIMIT, request.queryNumber("rowLimit", DEFAULT_ROW_LIMIT));
        beforeLogRead.run();
        List<JobSnapshot> finished = runs.finished(taskId, runId);
        ArrayNode out = Json.array();
        finished.stream().skip(offset).limit(limit).forEach(s -> out.add(ActivityJson.logEntry(s, utcTimes)));
        return Response.ok(out).withXmlRoot("activityLogEntries");
    }

    private Response logEntry(Request request) {
        auth.require(request);
        return Response.ok(ActivityJson.logEntry(entry(request), utcTimes)).withXmlRoot("activityLogEntry");
    }

    private Response sessionLog(Request request) {
        auth.require(request);
        JobSnapshot s = entry(request);
        List<StepSnapshot> steps = steps(s, request);
        String name = ActivityJson.sessionLogName(steps.get(0), s.run());
        return LogTexts.answer(request, name, LogTexts.sessionLog(s, steps));
    }

    private Response errorLog(Request request) {
        auth.require(request);
        JobSnapshot s = entry(request);
        List<StepSnapshot> steps = steps(s, request);
        String name = ActivityJson.sessionLogName(steps.get(0), s.run()).replace(".log", ".err");
        return LogTexts.answer(request, name, LogTexts.errorLog(s, steps));
    }

    /** The steps a log call is about: all, or the child entry named by {@code childItemId} / {@code itemId}. */
    private static List<StepSnapshot> steps(JobSnapshot s, Request request) {
        String item = request.query("childItemId") != null ? request.query("childItemId") : request.query("itemId");
        if (item == null || item.isBlank()) {
            return s.steps();
        }
        return s.steps().stream().filter(step -> ActivityJson.childEntryId(s.run(), step.index()).equals(item.trim()))
                .findFirst().map(List::of).orElseThrow(() -> ApiException.notFound(ErrorCodes.NOT_FOUND,
                        "Activity log entry " + s.run().entryId() + " has no item " + item + "."));
    }

    private JobSnapshot entry(Request request) {
        beforeLogRead.run();
        String id = request.pathParam("id");
        return runs.finishedEntry(id).orElseThrow(() -> ApiException.notFound(ErrorCodes.NOT_FOUND,
                "No activity log entry with id " + id + "."));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
