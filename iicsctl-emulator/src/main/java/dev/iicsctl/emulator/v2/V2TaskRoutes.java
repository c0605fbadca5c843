package dev.iicsctl.emulator.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.emulator.catalog.Catalog;
import dev.iicsctl.emulator.catalog.CatalogTask;
import dev.iicsctl.emulator.catalog.CatalogTaskType;
import dev.iicsctl.emulator.http.ApiException;
import dev.iicsctl.emulator.http.ErrorCodes;
import dev.iicsctl.emulator.http.ErrorStyle;
import dev.iicsctl.emulator.http.Json;
import dev.iicsctl.emulator.http.Request;
import dev.iicsctl.emulator.http.Response;
import dev.iicsctl.emulator.http.Router;
import dev.iicsctl.emulator.session.Authenticator;
import dev.iicsctl.emulator.session.EmulatedSession;
import dev.iicsctl.emulator.time.WireTime;
import java.time.Clock;
import java.util.Optional;

/**
 * v2 {@code task?type=}, the mapping-task resources {@code mttask} (list), {@code mttask/{id}}, {@code /frs/{id}},
 * {@code /name/{name}}, and {@code server/serverTime}.
 */
public final class V2TaskRoutes {
    private static final String CREATED = "2024-01-15T09:30:00.000Z";

    private final Catalog catalog;
    private final Authenticator auth;
    private final Clock clock;

    public V2TaskRoutes(Catalog catalog, Authenticator auth, Clock clock) {
        this.catalog = catalog;
        this.auth = auth;
        this.clock = clock;
    }

    public void register(Router pod) {
        pod.add("GET", "/saas/api/v2/task", ErrorStyle.V2, this::list);
        pod.add("GET", "/saas/api/v2/mttask", ErrorStyle.V2, this::mtTasks);
        pod.add("GET", "/saas/api/v2/server/serverTime", ErrorStyle.V2, this::serverTime);
        pod.add("GET", "/saas/api/v2/mttask/{id}", ErrorStyle.V2,
                r -> mtTask(r, catalog.taskById(r.pathParam("id")), "id " + r.pathParam("id")));
        pod.add("GET", "/saas/api/v2/mttask/frs/{id}", ErrorStyle.V2,
                r -> mtTask(r, catalog.taskByFederatedId(r.pathParam("id")), "federated id " + r.pathParam("id")));
        pod.add("GET", "/saas/api/v2/mttask/name/{name}", ErrorStyle.V2, r -> mtTask(r,
                catalog.tasksByName(r.pathParam("name")).stream().filter(t -> t.type() == CatalogTaskType.MTT).findFirst(),
                "name '" + r.pathParam("name") + "'"));
    }

    private Response list(Request request) {
        EmulatedSession session = auth.require(request);
        String typeText = request.query("type");
        if (typeText == null || typeText.isBlank()) {
            throw ApiException.badRequest("'type' is required: DMASK, DRS, DSS, MTT, PCS or WORKFLOW.");
        }
        CatalogTaskType type = CatalogTaskType.parse(typeText).orElseThrow(() -> new ApiException(400, ErrorCodes.BAD_TASK_TYPE,
                "Invalid type '" + typeText + "': use DMASK, DRS, DSS, MTT, PCS or WORKFLOW."));
        ArrayNode out = Json.array();
        for (CatalogTask t : catalog.tasks()) {
            if (t.type() == type) {
                out.add(summary(t, session));
            }
        }
        return Response.ok(out).withXmlRoot("tasks");
    }

    /** Every mapping task, as {@code task?type=MTT} lists them but with the {@code mtTask} type. */
    private Response mtTasks(Request request) {
        EmulatedSession session = auth.require(request);
        ArrayNode out = Json.array();
        for (CatalogTask t : catalog.tasks()) {
            if (t.type() == CatalogTaskType.MTT) {
                out.add(summary(t, session).put("@type", "mtTask").put("frsId", t.federatedId()));
            }
        }
        return Response.ok(out).withXmlRoot("mtTasks");
    }

    /** The server's time: {@code {"@type":"serverTime","time":...}} (UTC, as the emulator's clock says). */
    private Response serverTime(Request request) {
        auth.require(request);
        ObjectNode o = Json.object();
        o.put("@type", "serverTime");
        o.put("time", WireTime.utcMillis(clock.instant()));
        return Response.ok(o).withXmlRoot("serverTime");
    }

    private ObjectNode summary(CatalogTask t, EmulatedSession session) {
        ObjectNode o = Json.object();
        o.put("@type", "task");
        o.put("id", t.id());
        o.put("orgId", V2LoginRoutes.orgId(session.user()));
        o.put("name", t.name());
        o.put("description", "");
        o.put("createTime", CREATED).put("updateTime", CREATED);
        o.put("createdBy", session.user().username()).put("updatedBy", session.user().username());
        return o;
    }

    private Response mtTask(Request request, Optional<CatalogTask> task, String named) {
        EmulatedSession session = auth.require(request);
        CatalogTask t = task.filter(x -> x.type() == CatalogTaskType.MTT).orElseThrow(() ->
                ApiException.notFound(ErrorCodes.TASK_NOT_FOUND, "No mapping task with " + named + "."));
        ObjectNode o = summary(t, session);
        o.put("@type", "mtTask");
        o.put("frsId", t.federatedId());
        o.put("agentId", ActivityJson.AGENT_ID);
        o.put("runtimeEnvironmentId", ActivityJson.RUNTIME_ENVIRONMENT_ID);
        o.put("maxLogs", 10);
        o.put("schemaMode", "async");
        for (String kind : new String[] {"errorTaskEmail", "successTaskEmail", "warningTaskEmail"}) {
            o.putObject(kind).put("@type", "taskEmail").putNull("id").put("emails", "");
        }
        o.putArray("parameters");
        return Response.ok(o).withXmlRoot("mtTask");
    }
}
