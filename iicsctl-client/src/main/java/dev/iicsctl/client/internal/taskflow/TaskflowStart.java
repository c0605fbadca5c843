package dev.iicsctl.client.internal.taskflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.TaskNotFoundException;
import dev.iicsctl.client.internal.api.ApiArea;
import dev.iicsctl.client.internal.api.ApiRequest;
import dev.iicsctl.client.internal.api.IicsApi;
import dev.iicsctl.client.internal.http.HttpAnswer;
import dev.iicsctl.client.internal.http.WireJson;
import dev.iicsctl.client.internal.start.Reconciled;
import dev.iicsctl.client.internal.start.StartAnswer;
import dev.iicsctl.client.internal.start.StartKind;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.taskflow.TaskflowRun;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * A taskflow run request under one API name, for the {@link dev.iicsctl.client.internal.start.StartEngine}:
 * {@code POST /active-bpel/rt/{apiName}}.
 */
final class TaskflowStart implements StartKind<TaskflowRun> {

    /** Nothing answers under this API name (404): nothing started, so the next name may be tried. */
    static final class NotPublishedUnder extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotPublishedUnder(String apiName) {
            super("no published taskflow answers under the API name '" + apiName + "'", null, false, false);
        }
    }

    private final String runName;
    private final IicsApi api;
    private final TaskRef taskflow;
    private final String apiName;
    private final ObjectNode body;
    private final BiFunction<String, Instant, Reconciled<TaskflowRun>> reconcile;
    private final UnaryOperator<TaskflowRun> claim;

    /**
     * @param api the API
     * @param taskflow the taskflow
     * @param apiName the API name it is run under
     * @param body its input fields
     * @param reconcile the taskflow reconcile, by API name and time sent
     * @param claim makes a run this client's
     */
    TaskflowStart(IicsApi api, TaskRef taskflow, String apiName, String runName, ObjectNode body,
            BiFunction<String, Instant, Reconciled<TaskflowRun>> reconcile, UnaryOperator<TaskflowRun> claim) {
        this.runName = runName;
        this.api = api;
        this.taskflow = taskflow;
        this.apiName = apiName;
        this.body = body;
        this.reconcile = reconcile;
        this.claim = claim;
    }

    @Override
    public TaskRef task() {
        return taskflow;
    }

    @Override
    public String whereToLook() {
        return "the taskflow's runs";
    }

    @Override
    public HttpAnswer send() {
        // A custom run name goes in TF-INSTANCE-NAME: IICS then names the run <taskflow>-<name>-<runId>.
        ApiRequest.Builder start = ApiRequest.post(ApiArea.POD_ROOT, "/active-bpel/rt/" + IicsApi.encode(apiName))
                .json(body).sentOnce();
        if (runName != null && !runName.isBlank()) {
            start.header("TF-INSTANCE-NAME", runName.trim());
        }
        return api.exchange(start.build());
    }

    @Override
    public StartAnswer<TaskflowRun> read(HttpAnswer answer, Instant sentAt) {
        if (answer.status() == 404) {
            return new StartAnswer.Refused<>(new NotPublishedUnder(apiName));
        }
        if (answer.status() == 403) {
            return new StartAnswer.Refused<>(new TaskNotFoundException(TaskNotFoundException.Reason.NOT_RUNNABLE,
                    "IICS refused to run taskflow " + taskflow.displayName() + " for " + api.session().username()
                            + " (HTTP 403): add the user to the Allowed Users (or Groups) of the taskflow's REST "
                            + "binding and publish it again, or give the user the privilege to run it", List.of()));
        }
        if (!answer.isSuccess()) {
            return new StartAnswer.Refused<>(api.errorOf(answer));
        }
        JsonNode json = WireJson.tryParse(answer);
        String runId = json == null ? null
                : WireJson.text(json, "RunId") != null ? WireJson.text(json, "RunId") : WireJson.text(json, "runId");
        if (runId == null) {
            return new StartAnswer.Unclear<>(new IicsConnectionException("IICS answered the run of taskflow "
                    + taskflow.displayName() + " without a run id", null));
        }
        api.transport().trace().note("started taskflow " + taskflow.displayName() + ": run " + runId);
        return new StartAnswer.Started<>(new TaskflowRun(taskflow, apiName, runId, sentAt, true));
    }

    @Override
    public Reconciled<TaskflowRun> reconcile(Instant sentAt) {
        return reconcile.apply(apiName, sentAt);
    }

    @Override
    public TaskflowRun claim(TaskflowRun run) {
        return claim.apply(run);
    }

    @Override
    public String runId(TaskflowRun run) {
        return run.runId();
    }

    @Override
    public TaskRef taskOf(TaskflowRun run) {
        return run.taskflow();
    }
}
