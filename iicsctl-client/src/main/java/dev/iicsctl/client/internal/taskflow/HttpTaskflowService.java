package dev.iicsctl.client.internal.taskflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.IicsException;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.StartControl;
import dev.iicsctl.client.TaskNotFoundException;
import dev.iicsctl.client.internal.api.ApiArea;
import dev.iicsctl.client.internal.api.ApiRequest;
import dev.iicsctl.client.internal.api.IicsApi;
import dev.iicsctl.client.internal.http.HttpTrace;
import dev.iicsctl.client.internal.http.WireJson;
import dev.iicsctl.client.internal.job.WireTimes;
import dev.iicsctl.client.internal.poll.Poller;
import dev.iicsctl.client.internal.start.Reconciled;
import dev.iicsctl.client.internal.start.StartEngine;
import dev.iicsctl.client.internal.start.StartGate;
import dev.iicsctl.client.internal.time.TimeSource;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.client.taskflow.TaskflowListener;
import dev.iicsctl.client.taskflow.TaskflowResult;
import dev.iicsctl.client.taskflow.TaskflowRun;
import dev.iicsctl.client.taskflow.TaskflowService;
import dev.iicsctl.client.taskflow.TaskflowTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@link TaskflowService} over {@code /active-bpel/rt/{apiName}} (run), {@code /active-bpel/services/tf/status}
 * (status), {@code .../management/runtime/v1/resumeWithFault*} and {@code .../services/tf/terminate}.
 */
public final class HttpTaskflowService implements TaskflowService {

    private static final String STATUS = TaskflowLookup.STATUS;
    /** Run ids one terminate call takes at most (the vendor's limit). */
    static final int MAX_TERMINATE = 200;
    /** How long a run may still show SUSPENDED after a resume before that counts as its state again. */
    private static final Duration RESUME_GRACE = Duration.ofSeconds(30);

    private final IicsApi api;
    private final HttpTrace trace;
    private final PollPolicy defaultPoll;
    private final Duration reconcileWindow;
    private final String username;
    private final StartEngine engine;
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final TaskflowLookup lookup;
    private final TimeSource time;

    /**
     * @param api the API
     * @param defaultPoll the client's poll policy
     * @param reconcileWindow how long to look for a run after an unknown run-request outcome
     * @param username the user, to recognise runs it started
     */
    public HttpTaskflowService(IicsApi api, PollPolicy defaultPoll, Duration reconcileWindow, String username) {
        this.api = api;
        this.trace = api.transport().trace();
        this.defaultPoll = defaultPoll;
        this.reconcileWindow = reconcileWindow;
        this.username = username;
        this.engine = new StartEngine(api);
        this.lookup = new TaskflowLookup(api);
        this.time = api.transport().time();
    }

    /**
     * @param name a taskflow name
     * @return the default API name: the name with characters other than letters, digits, _ and - replaced by _
     */
    static String defaultApiName(String name) {
        return name.trim().replaceAll("[^A-Za-z0-9_-]", "_");
    }

    @Override
    public TaskflowRun start(TaskRef taskflow, String apiName, String runName, Map<String, ?> inputs,
            StartControl control) {
        StartGate gate = StartGate.of(control);
        Objects.requireNonNull(taskflow, "taskflow");
        if (taskflow.type() != TaskType.TASKFLOW) {
            throw new TaskNotFoundException(TaskNotFoundException.Reason.NOT_RUNNABLE, taskflow.displayName()
                    + " is a " + taskflow.type().code() + ", not a taskflow: start it as a job", List.of());
        }
        List<String> names = apiNames(taskflow, apiName);
        ObjectNode body = WireJson.MAPPER.valueToTree(inputs == null ? Map.of() : inputs);
        for (int i = 0;; i++) {
            Optional<TaskflowRun> run = startAs(taskflow, names.get(i), runName, body, gate);
            if (run.isPresent()) {
                return run.get();
            }
            if (i == names.size() - 1) {
                throw new TaskNotFoundException(TaskNotFoundException.Reason.NOT_RUNNABLE, "no published taskflow "
                        + "answers under the API name " + names.stream().map(n -> "'" + n + "'")
                                .collect(Collectors.joining(" or ")) + " (" + taskflow.displayName()
                        + "): publish the taskflow in IICS, or give its API name if it differs", List.of());
            }
        }
    }

    /**
     * The API names to try: the one given; else the taskflow name with the characters an API name cannot hold
     * replaced by {@code _}, then the name as it is when that differs (a 404 starts nothing, so trying the next
     * is safe).
     */
    private static List<String> apiNames(TaskRef taskflow, String apiName) {
        if (apiName != null && !apiName.isBlank()) {
            return List.of(apiName.trim());
        }
        if (taskflow.name() == null || taskflow.name().isBlank()) {
            throw new IllegalArgumentException("the API name of taskflow " + taskflow.displayName()
                    + " is unknown: resolve it by path or name, or give its API name");
        }
        String cleaned = defaultApiName(taskflow.name());
        String raw = taskflow.name().trim();
        return cleaned.equals(raw) ? List.of(cleaned) : List.of(cleaned, raw);
    }

    /** Runs under one API name, at most once; empty when nothing answers under that name (404). */
    private Optional<TaskflowRun> startAs(TaskRef taskflow, String published, String runName, ObjectNode body,
            StartGate gate) {
        try {
            return Optional.of(engine.start(new TaskflowStart(api, taskflow, published, runName, body,
                    (apiName, sentAt) -> reconcile(taskflow, apiName, sentAt), this::claim), gate));
        } catch (TaskflowStart.NotPublishedUnder nothingThere) {
            return Optional.empty();
        }
    }

    private TaskflowRun claim(TaskflowRun run) {
        claimed.add(run.runId());
        return run;
    }

    /**
     * Looks in the status resource (newest first) for a run of this taskflow, not claimed yet, that began after
     * the request and was started by this user, for the reconcile window.
     */
    private Reconciled<TaskflowRun> reconcile(TaskRef taskflow, String apiName, Instant sentAt) {
        Instant notBefore = sentAt.minus(api.transport().clock().uncertainty());
        long deadline = time.nanoTime() + reconcileWindow.toNanos();
        boolean allLooksWorked = true;
        trace.note("run of taskflow " + taskflow.displayName() + " has an unknown outcome: looking for it");
        while (true) {
            try {
                for (JsonNode o : asList(api.getJson(ApiArea.POD_ROOT, STATUS, Map.of("rowLimit", "50")))) {
                    String runId = WireJson.text(o, "runId");
                    Instant start = WireTimes.parseUtc(o.get("startTime"));
                    String by = WireJson.text(o, "startedBy");
                    if (runId != null && !claimed.contains(runId) && taskflow.name() != null
                            && TaskflowLookup.namesARunOf(taskflow.name(), WireJson.text(o, "assetName"), runId)
                            && (start == null || !start.isBefore(notBefore))
                            && (by == null || by.equalsIgnoreCase(username))) {
                        trace.note("found taskflow run " + runId + ": attaching");
                        return Reconciled.found(new TaskflowRun(taskflow, apiName, runId, start, true));
                    }
                }
            } catch (IicsException e) {
                allLooksWorked = false;
            }
            if (time.nanoTime() >= deadline) {
                break;
            }
            pause(Math.max(50, Math.min(1000, reconcileWindow.toMillis() / 8)));
        }
        return Reconciled.nothingFound(allLooksWorked);
    }

    @Override
    public TaskflowResult status(TaskflowRun run) {
        JsonNode o = lookup.statusObject(run.runId());
        if (o == null) {
            return new TaskflowResult(run.taskflow(), run.runId(), RunState.NOT_YET_VISIBLE, null, null, null, null,
                    null, List.of());
        }
        return TaskflowStatuses.result(run.taskflow(), run.runId(), o);
    }

    @Override
    public Optional<TaskflowResult> find(String runId) {
        Objects.requireNonNull(runId, "runId");
        return lookup.find(runId.trim());
    }

    @Override
    public List<TaskflowResult> runs(TaskRef taskflow, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, got " + limit);
        }
        return lookup.runs(taskflow, null, limit);
    }

    @Override
    public List<TaskflowResult> unfinished(TaskRef taskflow) {
        return lookup.unfinished(taskflow);
    }

    @Override
    public List<RunResult> subtaskRuns(TaskflowResult run) {
        return lookup.subtaskRuns(run);
    }

    @Override
    public TaskflowResult await(TaskflowRun run, Duration timeout, PollPolicy poll, TaskflowListener listener) {
        return poll(run, timeout, poll, listener, TaskflowResult::isFinished);
    }

    @Override
    public TaskflowResult awaitResumed(TaskflowRun run, Duration timeout, PollPolicy poll, TaskflowListener listener) {
        // A resume may take effect after its answer: a run still SUSPENDED right after it is not the end, until
        // it has been seen in another state or the grace period has passed.
        long graceEnd = time.nanoTime() + RESUME_GRACE.toNanos();
        AtomicBoolean moved = new AtomicBoolean();
        return poll(run, timeout, poll, listener, r -> {
            if (r.state() != RunState.SUSPENDED) {
                moved.set(true);
                return r.isFinished();
            }
            return moved.get() || time.nanoTime() >= graceEnd;
        });
    }

    private TaskflowResult poll(TaskflowRun run, Duration timeout, PollPolicy poll, TaskflowListener listener,
            Predicate<TaskflowResult> finished) {
        TaskflowListener progress = listener == null ? TaskflowListener.NONE : listener;
        return new Poller<TaskflowResult>(time, () -> status(run), finished,
                (a, b) -> a.state() != b.state() || !a.subtasks().equals(b.subtasks()),
                progress::onProgress,
                last -> new TaskflowTimeoutException("taskflow run " + run.runId() + " of "
                        + run.taskflow().displayName() + " did not finish within " + Poller.format(timeout)
                        + " (last state " + last.state() + "); it was left running", run, last))
                .run(timeout, poll == null ? defaultPoll : poll);
    }

    @Override
    public void resume(TaskflowRun run, boolean skipFaultedStep) {
        String action = skipFaultedStep ? "resumeWithFaultSkip" : "resumeWithFaultRetry";
        api.require(api.exchange(ApiRequest.put(ApiArea.POD_ROOT, "/active-bpel/management/runtime/v1/" + action + "/"
                + IicsApi.encode(run.runId())).build()));
    }

    @Override
    public void terminate(List<TaskflowRun> runs) {
        // The resource takes at most 200 run ids per call.
        for (int from = 0; from < runs.size(); from += MAX_TERMINATE) {
            ObjectNode body = WireJson.object();
            var ids = body.putArray("runid");
            runs.subList(from, Math.min(runs.size(), from + MAX_TERMINATE)).forEach(r -> ids.add(r.runId()));
            api.require(api.exchange(ApiRequest.put(ApiArea.POD_ROOT, "/active-bpel/services/tf/terminate").json(body)
                    .build()));
        }
    }

    private static Iterable<JsonNode> asList(JsonNode json) {
        return json == null || json.isNull() ? List.of() : json.isArray() ? json : List.of(json);
    }

    private void pause(long millis) {
        try {
            time.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IicsConnectionException("interrupted while checking whether a taskflow started; look at its "
                    + "runs before running it again", e, true);
        }
    }
}
