package dev.iicsctl.emulator.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.RecordedRequest;
import dev.iicsctl.emulator.RequestLog;
import dev.iicsctl.emulator.fault.FaultRule;
import dev.iicsctl.emulator.http.ApiException;
import dev.iicsctl.emulator.http.ErrorStyle;
import dev.iicsctl.emulator.http.Json;
import dev.iicsctl.emulator.http.Request;
import dev.iicsctl.emulator.http.Response;
import dev.iicsctl.emulator.http.Router;
import dev.iicsctl.emulator.catalog.RowCounts;
import java.nio.charset.StandardCharsets;

/** The control API under {@code /_emulator/} on the login host (product contract section 4.3). */
public final class ControlRoutes {
    private final Emulator emulator;

    public ControlRoutes(Emulator emulator) {
        this.emulator = emulator;
    }

    public void register(Router login) {
        login.add("GET", "/_emulator/runs", ErrorStyle.V3, r -> Response.ok(runs()));
        login.add("GET", "/_emulator/requests", ErrorStyle.V3, r -> Response.ok(requests()));
        login.add("POST", "/_emulator/reset", ErrorStyle.V3, r -> done(emulator::reset));
        login.add("POST", "/_emulator/faults", ErrorStyle.V3, this::addFault);
        login.add("DELETE", "/_emulator/faults", ErrorStyle.V3, r -> done(emulator::clearFaults));
        login.add("POST", "/_emulator/sessions/expire", ErrorStyle.V3, r -> done(emulator::expireSessions));
    }

    private ObjectNode runs() {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("runs");
        for (EmulatedRun run : emulator.runs()) {
            ObjectNode o = list.addObject();
            o.put("kind", run.kind());
            o.put("taskPath", run.taskPath());
            o.put("taskName", run.taskName());
            o.put("taskType", run.taskType());
            o.put("taskId", run.taskId());
            o.put("federatedId", run.federatedId());
            if (run.kind().equals("job")) {
                o.put("runId", run.jobRunId());
            } else {
                o.put("runId", run.runId());
            }
            o.put("state", run.state());
            o.put("startTimeUtc", run.startTimeUtc().toString());
            o.put("endTimeUtc", run.endTimeUtc() == null ? null : run.endTimeUtc().toString());
            RowCounts rows = run.rows();
            o.putObject("rows").put("successSource", rows.successSource()).put("failedSource", rows.failedSource())
                    .put("successTarget", rows.successTarget()).put("failedTarget", rows.failedTarget());
            o.put("errorMessage", run.errorMessage());
            o.put("startedBy", run.startedBy());
        }
        return out;
    }

    private ObjectNode requests() {
        RequestLog log = emulator.requests();
        ObjectNode out = Json.object();
        out.put("total", log.total());
        ObjectNode counts = out.putObject("counts");
        log.counts().forEach(counts::put);
        ObjectNode faults = out.putObject("faults");
        log.faults().forEach(faults::put);
        ArrayNode recent = out.putArray("recent");
        for (RecordedRequest r : log.recent()) {
            recent.addObject().put("method", r.method()).put("path", r.path()).put("query", r.query())
                    .put("status", r.status()).put("time", r.time().toString()).put("fault", r.fault());
        }
        return out;
    }

    private Response addFault(Request request) {
        FaultRule rule;
        try {
            rule = FaultRule.fromJson(new String(request.body(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid fault rule: " + e.getMessage() + ".");
        }
        emulator.addFault(rule);
        ObjectNode out = Json.object();
        out.put("added", rule.fault().action());
        return Response.ok(out);
    }

    private static Response done(Runnable action) {
        action.run();
        ObjectNode out = Json.object();
        out.put("ok", true);
        return Response.ok(out);
    }
}
