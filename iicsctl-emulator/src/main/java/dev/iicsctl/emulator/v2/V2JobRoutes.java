package dev.iicsctl.emulator.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.emulator.catalog.Catalog;
import dev.iicsctl.emulator.catalog.CatalogTask;
import dev.iicsctl.emulator.http.ApiException;
import dev.iicsctl.emulator.http.ErrorCodes;
import dev.iicsctl.emulator.http.ErrorStyle;
import dev.iicsctl.emulator.http.Json;
import dev.iicsctl.emulator.http.Request;
import dev.iicsctl.emulator.http.Response;
import dev.iicsctl.emulator.http.Router;
import dev.iicsctl.emulator.run.JobRun;
import dev.iicsctl.emulator.run.RunEngine;
import dev.iicsctl.emulator.run.StartDetails;
import dev.iicsctl.emulator.session.Authenticator;
import dev.iicsctl.emulator.session.EmulatedSession;

/** v2 {@code job} (start) and {@code job/stop}. */
public final class V2JobRoutes {
    private final Catalog catalog;
    private final Authenticator auth;
    private final RunEngine runs;

    public V2JobRoutes(Catalog catalog, Authenticator auth, RunEngine runs) {
        this.catalog = catalog;
        this.auth = auth;
        this.runs = runs;
    }

    public void register(Router pod) {
        pod.add("POST", "/saas/api/v2/job", ErrorStyle.V2, this::start);
        pod.add("POST", "/saas/api/v2/job/stop", ErrorStyle.V2, this::stop);
    }

    private Response start(Request request) {
        EmulatedSession session = auth.require(request);
        ObjectNode body = request.bodyObject();
        CatalogTask task = TaskResolver.resolve(catalog, body);
        JsonNode runtime = body.get("runtime");
        if (runtime != null && !runtime.isNull() && !runtime.isObject()) {
            throw ApiException.badRequest("'runtime' must be an object such as {\"@type\":\"mtTaskRuntime\"}.");
        }
        String callback = Json.text(body, "callbackURL");
        JobRun run = runs.start(task, new StartDetails(session.user().username(), callback,
                Json.text(runtime, "parameterFileName"), Json.text(runtime, "parameterFileDir")));
        ObjectNode job = Json.object();
        job.put("@type", "job");
        job.put("taskId", task.id());
        job.put("taskFederatedId", task.federatedId());
        job.put("taskName", task.name());
        job.put("taskType", task.type().name());
        job.put("runId", run.runId());
        job.put("callbackURL", callback);
        return Response.ok(job).withXmlRoot("job");
    }

    private Response stop(Request request) {
        EmulatedSession session = auth.require(request);
        CatalogTask task = TaskResolver.resolve(catalog, request.bodyObject());
        if (runs.stop(task, session.user().username()).isEmpty()) {
            throw new ApiException(400, ErrorCodes.NOT_RUNNING, "The " + task.type() + " task '" + task.name()
                    + "' has no running job to stop.");
        }
        return Response.success("Stop of the " + task.type() + " task '" + task.name() + "' requested.");
    }
}
