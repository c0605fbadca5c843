package dev.iicsctl.emulator.taskflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.emulator.catalog.Catalog;
import dev.iicsctl.emulator.catalog.CatalogTaskflow;
import dev.iicsctl.emulator.catalog.CatalogUser;
import dev.iicsctl.emulator.http.ApiException;
import dev.iicsctl.emulator.http.ErrorCodes;
import dev.iicsctl.emulator.http.ErrorStyle;
import dev.iicsctl.emulator.http.Json;
import dev.iicsctl.emulator.http.Request;
import dev.iicsctl.emulator.http.Response;
import dev.iicsctl.emulator.http.Router;
import dev.iicsctl.emulator.session.Authenticator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Taskflows on the pod host root: run, status, resume and terminate ({@code /active-bpel/...}). */
public final class TaskflowRoutes {
    private static final int DEFAULT_ROW_LIMIT = 10;
    private static final int MAX_ROW_LIMIT = 50;
    private static final String MANAGEMENT = "/active-bpel/management/runtime/v1/";

    private final Catalog catalog;
    private final Authenticator auth;
    private final TaskflowEngine engine;

    public TaskflowRoutes(Catalog catalog, Authenticator auth, TaskflowEngine engine) {
        this.catalog = catalog;
        this.auth = auth;
        this.engine = engine;
    }

    public void register(Router pod) {
        pod.add("POST", "/active-bpel/rt/{apiName}", ErrorStyle.V3, this::run);
        pod.add("GET", "/active-bpel/rt/{apiName}", ErrorStyle.V3, this::run);
        pod.add("GET", "/active-bpel/services/tf/status/{runId}", ErrorStyle.V3, this::statusOne);
        pod.add("GET", "/active-bpel/services/tf/status", ErrorStyle.V3, this::statusList);
        pod.add("PUT", MANAGEMENT + "resumeWithFaultRetry/{runId}", ErrorStyle.V3, r -> resume(r, true));
        pod.add("PUT", MANAGEMENT + "resumeWithFaultSkip/{runId}", ErrorStyle.V3, r -> resume(r, false));
        pod.add("PUT", "/active-bpel/services/tf/terminate", ErrorStyle.V3, this::terminate);
    }

    private Response run(Request request) {
        String user = user(request);
        String apiName = request.pathParam("apiName");
        CatalogTaskflow flow = catalog.taskflowByApiName(apiName).orElseThrow(() -> ApiException.notFound(
                ErrorCodes.NOT_FOUND, "No taskflow is published under the API name '" + apiName + "'."));
        if (!flow.published()) {
            throw new ApiException(404, ErrorCodes.NOT_PUBLISHED, "The taskflow '" + flow.path()
                    + "' is not published; publish it before running it as an API.");
        }
        if ("POST".equals(request.method()) && request.body().length > 0 && !request.bodyIsXml()) {
            request.bodyObject();
        }
        EmulatedTaskflowRun run = engine.start(flow, user, request.header("tf-instance-name"));
        ObjectNode out = Json.object();
        out.put("RunId", run.runId());
        return Response.ok(out);
    }

    private Response statusOne(Request request) {
        user(request);
        String runId = request.pathParam("runId");
        TaskflowSnapshot s = engine.status(runId).orElseThrow(() -> unknownRun(runId));
        return Response.ok(TaskflowJson.status(s, engine.now()));
    }

    private Response statusList(Request request) {
        user(request);
        String runId = request.query("runId");
        String runStatus = request.query("runStatus");
        int offset = (int) request.queryNumber("offset", 0);
        int limit = Math.min(MAX_ROW_LIMIT, (int) request.queryNumber("rowLimit", DEFAULT_ROW_LIMIT));
        List<TaskflowSnapshot> found = new ArrayList<>();
        for (TaskflowSnapshot s : engine.newestFirst()) {
            boolean idOk = runId == null || runId.isBlank() || s.run().runId().equals(runId.trim());
            boolean statusOk = runStatus == null || runStatus.isBlank()
                    || s.status().name().equals(runStatus.trim().toUpperCase(Locale.ROOT));
            if (idOk && statusOk) {
                found.add(s);
            }
        }
        ArrayNode out = Json.array();
        Instant now = engine.now();
        found.stream().skip(offset).limit(limit).forEach(s -> out.add(TaskflowJson.status(s, now)));
        return Response.ok(out);
    }

    private Response resume(Request request, boolean retry) {
        String user = user(request);
        String runId = request.pathParam("runId");
        TaskflowSnapshot s = engine.status(runId).orElseThrow(() -> unknownRun(runId));
        if (!engine.resume(s.run(), retry, user)) {
            throw new ApiException(400, ErrorCodes.BAD_RUN_STATE, "Taskflow run " + runId + " is "
                    + s.status() + ", not SUSPENDED; only a suspended run can be resumed.");
        }
        return Response.empty();
    }

    private Response terminate(Request request) {
        String user = user(request);
        JsonNode ids = request.bodyObject().get("runid");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw ApiException.badRequest("The terminate call needs 'runid': a list of run ids.");
        }
        List<TaskflowSnapshot> runs = new ArrayList<>();
        for (JsonNode id : ids) {
            runs.add(engine.status(id.asText()).orElseThrow(() -> unknownRun(id.asText())));
        }
        for (TaskflowSnapshot s : runs) {
            if (!engine.terminate(s.run(), user)) {
                throw new ApiException(400, ErrorCodes.BAD_RUN_STATE, "Taskflow run " + s.run().runId()
                        + " has already ended (" + s.status() + ").");
            }
        }
        return Response.empty();
    }

    /** Auth for taskflow calls: a session header, or HTTP Basic with a catalog user. Returns the user name. */
    private String user(Request request) {
        String header = request.header("authorization");
        if (Authenticator.sessionId(request) == null && header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ApiException(401, ErrorCodes.INVALID_SESSION, "The Basic authorization header is not valid base64.");
            }
            int colon = decoded.indexOf(':');
            CatalogUser u = colon < 0 ? null : catalog.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1)).orElse(null);
            if (u == null) {
                throw new ApiException(401, ErrorCodes.INVALID_SESSION, "User name or password is not valid.");
            }
            return u.username();
        }
        return auth.require(request).user().username();
    }

    private static ApiException unknownRun(String runId) {
        return ApiException.notFound(ErrorCodes.NOT_FOUND, "No taskflow run with id " + runId + ".");
    }
}
