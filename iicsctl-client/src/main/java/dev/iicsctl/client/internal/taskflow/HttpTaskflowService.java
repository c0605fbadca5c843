package dev.iicsctl.client.internal.taskflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.IicsException;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.TaskNotFoundException;
import dev.iicsctl.client.internal.api.ApiArea;
import dev.iicsctl.client.internal.api.IicsApi;
import dev.iicsctl.client.internal.http.HttpAnswer;
import dev.iicsctl.client.internal.http.HttpTrace;
import dev.iicsctl.client.internal.http.HttpTransport;
import dev.iicsctl.client.internal.http.WireJson;
import dev.iicsctl.client.internal.job.WireTimes;
import dev.iicsctl.client.internal.poll.Poller;
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
    /** How long a run may still show SUSPENDED after a resume before that counts as its state again. */
    private static final Duration RESUME_GRACE = Duration.ofSeconds(30);

    private final IicsApi api;
    private final HttpTrace trace;
    private final PollPolicy defaultPoll;
    private final Duration reconcileWindow;
    private final String username;
    private final int maxSends;
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final TaskflowLookup lookup;

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
        this.maxSends = api.transport().backoff().policy().maxAttempts();
        this.lookup = new TaskflowLookup(api);
    }

    /**
     * @param name a taskflow name
     * @return the default API name: the name with characters other than letters, digits, _ and - replaced by _
     */
    static String defaultApiName(String name) {
        return name.trim().replaceAll("[^A-Za-z0-9_-]", "_");
    }

    @Override
    public TaskflowRun start(TaskRef taskflow, String apiName, Map<String, ?> inputs) {
        Objects.requireNonNull(taskflow, "taskflow");
        if (taskflow.type() != TaskType.TASKFLOW) {
            throw new TaskNotFoundException(TaskNotFoundException.Reason.NOT_RUNNABLE, taskflow.displayName()
                    + " is a " + taskflow.type().code() + ", not a taskflow: start it as a job", List.of());
        }
        List<String> names = apiNames(taskflow, apiName);
        ObjectNode body = WireJson.MAPPER.valueToTree(inputs == null ? Map.of() : inputs);
        for (int i = 0;; i++) {
            Optional<TaskflowRun> run = startAs(taskflow, names.get(i), body);
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
    private Optional<TaskflowRun> startAs(TaskRef taskflow, String published, ObjectNode body) {
        String path = "/active-bpel/rt/" + IicsApi.encode(published);
        for (int send = 1;; send++) {
            api.session(); // a login failure is never taken for an unknown outcome
            Instant sentAt = api.transport().clock().now();
            HttpAnswer answer;
            try {
                answer = api.exchange(ApiArea.POD_ROOT, "POST", path, Map.of(), body, false, Map.of());
            } catch (IicsConnectionException e) {
                if (HttpTransport.neverSent(e) && send < maxSends) {
                    continue;
                }
                if (HttpTransport.neverSent(e)) {
                    throw e;
                }
                Optional<TaskflowRun> found = reconcileOrThrow(taskflow, published, sentAt, send, e);
                if (found.isPresent()) {
                    return Optional.of(claim(found.get()));
                }
                continue;
            }
            if (answer.status() == 404) {
                return Optional.empty();
            }
            if (answer.status() == 403) {
                throw new TaskNotFoundException(TaskNotFoundException.Reason.NOT_RUNNABLE, "IICS refused to run "
                        + "taskflow " + taskflow.displayName() + " for " + api.session().username() + " (HTTP 403): "
                        + "add the user to the Allowed Users (or Groups) of the taskflow's REST binding and "
                        + "publish it again, or give the user the privilege to run it", List.of());
            }
            if (answer.isSuccess()) {
                JsonNode json = WireJson.tryParse(answer);
                String runId = json == null ? null
                        : WireJson.text(json, "RunId") != null ? WireJson.text(json, "RunId") : WireJson.text(json, "runId");
                if (runId != null) {
                    trace.note("started taskflow " + taskflow.displayName() + ": run " + runId);
                    return Optional.of(claim(new TaskflowRun(taskflow, published, runId, sentAt, true)));
                }
            } else if (answer.status() < 500 && answer.status() != 429) {
                throw api.errorOf(answer);
            } else if (answer.status() == 429 && send < maxSends) {
                continue;
            }
            RuntimeException unclear = answer.isSuccess()
                    ? new IicsConnectionException("IICS answered the run of taskflow " + taskflow.displayName()
                            + " without a run id", null)
                    : api.errorOf(answer);
            Optional<TaskflowRun> found = reconcileOrThrow(taskflow, published, sentAt, send, unclear);
            if (found.isPresent()) {
                return Optional.of(claim(found.get()));
            }
        }
    }

    private TaskflowRun claim(TaskflowRun run) {
        claimed.add(run.runId());
        return run;
    }

    /**
     * Looks in the status resource (newest first) for a run of this taskflow that began after the request,
     * for the reconcile window; sends again only when every look worked and found nothing.
     */
    private Optional<TaskflowRun> reconcileOrThrow(TaskRef taskflow, String apiName, Instant sentAt, int send,
            RuntimeException failure) {
        Instant notBefore = sentAt.minus(api.transport().clock().uncertainty());
        long deadline = System.nanoTime() + reconcileWindow.toNanos();
        boolean allLooksWorked = true;
        trace.note("run of taskflow " + taskflow.displayName() + " has an unknown outcome: looking for it");
        while (true) {
            try {
                for (JsonNode o : asList(api.getJson(ApiArea.POD_ROOT, STATUS, Map.of("rowLimit", "50")))) {
                    String runId = WireJson.text(o, "runId");
                    Instant start = WireTimes.parseUtc(o.get("startTime"));
                    String by = WireJson.text(o, "startedBy");
                    if (runId != null && !claimed.contains(runId) && taskflow.name() != null
                            && taskflow.name().equals(WireJson.text(o, "assetName"))
                            && (start == null || !start.isBefore(notBefore))
                            && (by == null || by.equalsIgnoreCase(username))) {
                        trace.note("found taskflow run " + runId + ": attaching");
                        return Optional.of(new TaskflowRun(taskflow, apiName, runId, start, true));
                    }
                }
            } catch (IicsException e) {
                allLooksWorked = false;
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            pause(Math.max(50, Math.min(1000, reconcileWindow.toMillis() / 8)));
        }
        if (allLooksWorked && send < maxSends) {
            trace.note("the run of taskflow " + taskflow.displayName() + " did not happen: sending it again");
            return Optional.empty();
        }
        throw new IicsConnectionException("the run of taskflow " + taskflow.displayName() + " may or may not have "
                + "started and IICS could not settle it: look at the taskflow's runs before running it again",
                failure, true);
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
        long graceEnd = System.nanoTime() + RESUME_GRACE.toNanos();
        AtomicBoolean moved = new AtomicBoolean();
        return poll(run, timeout, poll, listener, r -> {
            if (r.state() != RunState.SUSPENDED) {
                moved.set(true);
                return r.isFinished();
            }
            return moved.get() || System.nanoTime() >= graceEnd;
        });
    }

    private TaskflowResult poll(TaskflowRun run, Duration timeout, PollPolicy poll, TaskflowListener listener,
            Predicate<TaskflowResult> finished) {
        TaskflowListener progress = listener == null ? TaskflowListener.NONE : listener;
        return new Poller<TaskflowResult>(() -> status(run), finished,
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
        api.require(api.exchange(ApiArea.POD_ROOT, "PUT", "/active-bpel/management/runtime/v1/" + action + "/"
                + IicsApi.encode(run.runId()), Map.of(), null, true, Map.of()));
    }

    @Override
    public void terminate(TaskflowRun run) {
        ObjectNode body = WireJson.object();
        body.putArray("runid").add(run.runId());
        api.require(api.exchange(ApiArea.POD_ROOT, "PUT", "/active-bpel/services/tf/terminate", Map.of(), body, true,
                Map.of()));
    }

    private static Iterable<JsonNode> asList(JsonNode json) {
        return json == null || json.isNull() ? List.of() : json.isArray() ? json : List.of(json);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IicsConnectionException("interrupted while checking whether a taskflow started; look at its "
                    + "runs before running it again", e, true);
        }
    }
}
