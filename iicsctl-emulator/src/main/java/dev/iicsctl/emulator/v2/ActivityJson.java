package dev.iicsctl.emulator.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.emulator.catalog.CatalogTaskType;
import dev.iicsctl.emulator.catalog.RowCounts;
import dev.iicsctl.emulator.http.Json;
import dev.iicsctl.emulator.run.JobRun;
import dev.iicsctl.emulator.run.JobSnapshot;
import dev.iicsctl.emulator.run.StepSnapshot;
import dev.iicsctl.emulator.time.WireTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Writes job runs as {@code activityMonitorEntry} and {@code activityLogEntry} objects (spec section 7). */
final class ActivityJson {
    static final String AGENT_ID = "01000008000000000004";
    static final String RUNTIME_ENVIRONMENT_ID = "01000025000000000004";
    private static final String RUN_CONTEXT = "REST_API";

    private ActivityJson() {}

    static ObjectNode monitorEntry(JobSnapshot s, boolean details) {
        JobRun run = s.run();
        ObjectNode e = Json.object();
        e.put("@type", "activityMonitorEntry");
        e.put("id", run.entryId());
        e.put("type", run.task().type().name());
        e.put("taskId", run.task().id());
        e.put("taskName", run.task().name());
        e.put("objectName", "");
        e.put("runId", run.runId());
        e.put("startTime", run.startedAtEastern());
        e.putNull("endTime");
        e.put("executionState", s.phase().executionState());
        rows(e, s.rows());
        e.putNull("errorMsg");
        ArrayNode entries = e.putArray("entries");
        if (details && !run.task().children().isEmpty()) {
            for (StepSnapshot step : s.steps()) {
                ObjectNode c = entries.addObject();
                c.put("@type", "activityMonitorEntry");
                c.put("id", run.entryId() + "-" + step.index());
                c.put("type", step.task().type().name());
                c.put("taskId", step.task().id());
                c.put("taskName", step.task().name());
                c.put("objectName", "");
                c.put("runId", 0);
                c.put("startTime", WireTime.easternWithZ(step.start()));
                c.put("endTime", WireTime.easternWithZ(step.end()));
                c.put("executionState", step.end() == null ? s.phase().executionState() : "COMPLETED");
                rows(c, step.rows());
                c.put("errorMsg", step.errorMessage());
                c.putArray("entries");
            }
        }
        e.put("agentId", AGENT_ID);
        e.put("runtimeEnvironmentId", RUNTIME_ENVIRONMENT_ID);
        e.put("startedBy", run.details().startedBy());
        e.put("runContextType", RUN_CONTEXT);
        e.putNull("scheduleName");
        e.put("callbackURL", run.details().callbackURL());
        return e;
    }

    /** @param utcTimes whether to write {@code startTimeUtc}/{@code endTimeUtc} besides the Eastern times */
    static ObjectNode logEntry(JobSnapshot s, boolean utcTimes) {
        JobRun run = s.run();
        ObjectNode e = Json.object();
        e.put("@type", "activityLogEntry");
        e.put("id", run.entryId());
        e.put("type", run.task().type().name());
        e.put("objectId", run.task().id());
        e.put("objectName", run.task().name());
        e.put("runId", run.runId());
        e.put("agentId", AGENT_ID);
        e.put("runtimeEnvironmentId", RUNTIME_ENVIRONMENT_ID);
        // Data replication (DRS) entries of real orgs carry only the Eastern times, as the vendor's example shows.
        utcTimes = utcTimes && run.task().type() != CatalogTaskType.DRS;
        times(e, run.startedAt(), s.end(), utcTimes);
        e.put("state", s.phase().logState());
        rows(e, s.rows());
        e.put("errorMsg", s.errorMessage());
        e.put("startedBy", run.details().startedBy());
        e.put("runContextType", RUN_CONTEXT);
        e.putNull("scheduleName");
        ArrayNode entries = e.putArray("entries");
        boolean workflow = !run.task().children().isEmpty();
        for (StepSnapshot step : s.steps()) {
            entries.add(childEntry(s, step, workflow, childEntryId(run, step.index()), utcTimes));
        }
        // As in the vendor's example: the totals, the item attributes, the transformation and subtask entries
        // and the context id are fields of the child entries only.
        flags(e, s);
        if (run.details().parentTaskFederatedId() != null) {
            e.put("parentTaskFederatedId", run.details().parentTaskFederatedId());
        }
        return e;
    }

    private static ObjectNode childEntry(JobSnapshot parent, StepSnapshot step, boolean workflow, String id,
                                         boolean utcTimes) {
        JobRun run = parent.run();
        ObjectNode c = Json.object();
        c.put("@type", "activityLogEntry");
        c.put("id", id);
        c.put("type", step.task().type().name());
        c.put("objectId", step.task().id());
        c.put("objectName", workflow ? step.task().name() : "");
        c.put("runId", workflow ? 0 : run.runId());
        c.put("agentId", AGENT_ID);
        c.put("runtimeEnvironmentId", RUNTIME_ENVIRONMENT_ID);
        times(c, step.start(), step.end(), utcTimes);
        c.put("state", step.phase().logState());
        rows(c, step.rows());
        c.put("errorMsg", step.errorMessage());
        c.put("startedBy", run.details().startedBy());
        c.put("runContextType", RUN_CONTEXT);
        c.putArray("entries");
        c.put("totalSuccessRows", parent.rows().successTarget());
        c.put("totalFailedRows", parent.rows().failedTarget());
        flags(c, parent);
        c.put("contextExternalId", step.task().id());
        c.putArray("subTaskEntries");
        ObjectNode attrs = c.putObject("logEntryItemAttrs");
        attrs.put("ERROR_CODE", step.phase().logState() >= 3 ? "1" : "0");
        attrs.put("IS_SERVER_LESS", "false");
        attrs.put("Session Log File Name", sessionLogName(step, run));
        // Serverless metering, as newer orgs show it: units asked for and used (strings, as every attribute).
        attrs.put("REQUESTED_COMPUTE_UNITS", "1.0");
        attrs.put("CONSUMED_COMPUTE_UNITS", computeUnits(step));
        ArrayNode tx = c.putArray("transformationEntries");
        tx.addObject().put("@type", "transformationLogEntry").put("id", id + "1").put("txName", "Source")
                .put("txType", "SOURCE").put("successRows", step.rows().successSource())
                .put("affectedRows", step.rows().successSource()).put("failedRows", step.rows().failedSource());
        tx.addObject().put("@type", "transformationLogEntry").put("id", id + "2").put("txName", "Target")
                .put("txType", "TARGET").put("successRows", step.rows().successTarget())
                .put("affectedRows", step.rows().successTarget()).put("failedRows", step.rows().failedTarget());
        return c;
    }

    private static void flags(ObjectNode e, JobSnapshot s) {
        e.put("stopOnError", false);
        e.put("hasStopOnErrorRecord", false);
        e.put("isStopped", s.stopped());
    }

    /** Units a step used: a hundredth per started minute, at least 0.01 (a plausible serverless figure). */
    private static String computeUnits(StepSnapshot step) {
        long minutes = step.end() == null ? 1 : Math.max(1, (Duration.between(step.start(), step.end()).toSeconds() + 59) / 60);
        return String.format(Locale.ROOT, "%.2f", minutes / 100.0);
    }

    /** The id of the child entry of step {@code index}: numeric, as in the vendor's example. */
    static String childEntryId(JobRun run, int index) {
        return Long.toString(100_000_000L + Long.parseLong(run.entryId().substring(8), 36) * 100 + index);
    }

    static String sessionLogName(StepSnapshot step, JobRun run) {
        return "s_" + step.task().type().name().toLowerCase(Locale.ROOT) + "_" + step.task().federatedId()
                + "_" + run.runId() + ".log";
    }

    private static void times(ObjectNode e, Instant start, Instant end, boolean utcTimes) {
        e.put("startTime", WireTime.easternWithZ(start));
        e.put("endTime", WireTime.easternWithZ(end));
        if (utcTimes) {
            e.put("startTimeUtc", WireTime.utcMillis(start));
            e.put("endTimeUtc", WireTime.utcMillis(end));
        }
    }

    private static void rows(ObjectNode e, RowCounts r) {
        e.put("failedSourceRows", r.failedSource());
        e.put("successSourceRows", r.successSource());
        e.put("failedTargetRows", r.failedTarget());
        e.put("successTargetRows", r.successTarget());
    }
}
