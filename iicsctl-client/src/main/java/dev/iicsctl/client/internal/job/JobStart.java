package dev.iicsctl.client.internal.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.client.IicsApiException;
import dev.iicsctl.client.TaskNotFoundException;
import dev.iicsctl.client.internal.api.ApiArea;
import dev.iicsctl.client.internal.api.ApiRequest;
import dev.iicsctl.client.internal.api.IicsApi;
import dev.iicsctl.client.internal.http.HttpAnswer;
import dev.iicsctl.client.internal.http.WireJson;
import dev.iicsctl.client.internal.start.Reconciled;
import dev.iicsctl.client.internal.start.StartAnswer;
import dev.iicsctl.client.internal.start.StartKind;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.task.TaskRef;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** A job start for the {@link dev.iicsctl.client.internal.start.StartEngine}: {@code POST /api/v2/job}. */
final class JobStart implements StartKind<RunHandle> {

    private final IicsApi api;
    private final TaskRef task;
    private final JsonNode body;
    private final StartReconciler reconciler;
    private final long lastKnownRunId;
    private final Set<String> claimed;
    private final UnaryOperator<RunHandle> claim;

    /**
     * @param api the API
     * @param task the task, identified
     * @param body the request body
     * @param reconciler the job reconcile
     * @param lastKnownRunId the newest run id of the task known before the start, or -1
     * @param claimed runs this client owns already
     * @param claim makes a run this client's
     */
    JobStart(IicsApi api, TaskRef task, JsonNode body, StartReconciler reconciler, long lastKnownRunId,
            Set<String> claimed, UnaryOperator<RunHandle> claim) {
        this.api = api;
        this.task = task;
        this.body = body;
        this.reconciler = reconciler;
        this.lastKnownRunId = lastKnownRunId;
        this.claimed = claimed;
        this.claim = claim;
    }

    @Override
    public TaskRef task() {
        return task;
    }

    @Override
    public String whereToLook() {
        return "the activity monitor";
    }

    @Override
    public HttpAnswer send() {
        return api.exchange(ApiRequest.post(ApiArea.V2, "/job").json(body).sentOnce().build());
    }

    @Override
    public StartAnswer<RunHandle> read(HttpAnswer answer, Instant sentAt) {
        if (!answer.isSuccess()) {
            return new StartAnswer.Refused<>(refusal(api, task, answer));
        }
        JsonNode json = WireJson.tryParse(answer);
        Long runId = WireJson.number(json, "runId");
        if (json == null || runId == null) {
            return new StartAnswer.Unclear<>(new IicsApiException("IICS answered the start of " + task.displayName()
                    + " with a body that is not a job", 200, null, null, answer.call().label(), null));
        }
        TaskRef known = task.withId(WireJson.text(json, "taskId")).withNameIfMissing(WireJson.text(json, "taskName"));
        if (known.federatedId() == null && WireJson.text(json, "taskFederatedId") != null) {
            known = new TaskRef(known.id(), WireJson.text(json, "taskFederatedId"), known.name(), known.path(),
                    known.type());
        }
        api.transport().trace().note("started " + known.displayName() + ": run " + runId);
        return new StartAnswer.Started<>(new RunHandle(known, runId, sentAt, true));
    }

    @Override
    public Reconciled<RunHandle> reconcile(Instant sentAt) {
        StartReconciler.Outcome outcome = reconciler.reconcile(task, sentAt, lastKnownRunId, claimed);
        return switch (outcome.verdict()) {
            case FOUND -> Reconciled.found(outcome.run().orElseThrow());
            case ABSENT -> Reconciled.nothingFound(true);
            default -> Reconciled.nothingFound(false);
        };
    }

    @Override
    public RunHandle claim(RunHandle run) {
        return claim.apply(run);
    }

    @Override
    public String runId(RunHandle run) {
        return Long.toString(run.runId());
    }

    @Override
    public TaskRef taskOf(RunHandle run) {
        return run.task();
    }

    /** A refused start or stop: a task IICS does not know is a {@link TaskNotFoundException}. */
    static RuntimeException refusal(IicsApi api, TaskRef task, HttpAnswer answer) {
        IicsApiException error = api.errorOf(answer);
        if (error.reason() == IicsApiException.Reason.NOT_FOUND) {
            return new TaskNotFoundException(TaskNotFoundException.Reason.NOT_FOUND, "IICS does not know the task "
                    + task.displayName() + " (" + task.type().code() + "): check its id, path or type", List.of());
        }
        return error;
    }
}
