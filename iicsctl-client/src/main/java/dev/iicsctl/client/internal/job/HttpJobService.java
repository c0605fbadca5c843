package dev.iicsctl.client.internal.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.client.IicsAuthException;
import dev.iicsctl.client.IicsException;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.TaskAlreadyRunningException;
import dev.iicsctl.client.StartControl;
import dev.iicsctl.client.TaskNotFoundException;
import dev.iicsctl.client.internal.api.ApiArea;
import dev.iicsctl.client.internal.api.ApiRequest;
import dev.iicsctl.client.internal.api.IicsApi;
import dev.iicsctl.client.internal.http.HttpAnswer;
import dev.iicsctl.client.internal.http.HttpTrace;
import dev.iicsctl.client.internal.http.ServerClock;
import dev.iicsctl.client.internal.http.WireJson;
import dev.iicsctl.client.internal.start.StartEngine;
import dev.iicsctl.client.internal.start.StartGate;
import dev.iicsctl.client.job.IfRunning;
import dev.iicsctl.client.job.JobService;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunListener;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.StartOptions;
import dev.iicsctl.client.monitor.ActiveRun;
import dev.iicsctl.client.task.TaskRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link JobService} over the v2 job and activity resources. */
public final class HttpJobService implements JobService {

    /**
     * How old a shared monitor snapshot may be to answer the if-running check before a start. A run started
     * less than this before the check may be missed, as IICS itself lists a fresh run nowhere for about as long;
     * runs this client started are known without the monitor.
     */
    public static final Duration IF_RUNNING_MAX_AGE = Duration.ofSeconds(2);

    /** Log entries read before a start when a start known here may not be shown yet (one request either way). */
    static final int RECENT_ROWS = 20;

    private final IicsApi api;
    private final RunLookup lookup;
    private final RunFollower follower;
    private final StartReconciler reconciler;
    private final HttpTrace trace;
    private final StartEngine engine;
    /** Runs this client started or attached to after a start: never handed out twice by a reconcile. */
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    /** Runs this client started and has not seen finished: the if-running check counts them while invisible. */
    private final Map<String, RunHandle> unfinishedStarts = new ConcurrentHashMap<>();
    private final ServerClock clock;
    /** How long a fresh run may be shown nowhere: a known start shown nowhere for longer is lost, not running. */
    private final Duration visibilityBound;

    /**
     * @param api the API
     * @param lookup run lookups
     * @param follower the polling loop
     * @param reconcileWindow how long to look for a run after an unknown start outcome
     * @param username the user, to recognise runs started by this user
     */
    public HttpJobService(IicsApi api, RunLookup lookup, RunFollower follower, Duration reconcileWindow,
            String username) {
        this.api = api;
        this.lookup = lookup;
        this.follower = follower;
        this.trace = api.transport().trace();
        this.clock = api.transport().clock();
        this.visibilityBound = reconcileWindow;
        this.reconciler = new StartReconciler(lookup, trace, reconcileWindow,
                api.transport().clock(), username, api.transport().time());
        this.engine = new StartEngine(api);
    }

    static String claimKey(TaskRef task, long runId) {
        return (task.id() != null ? task.id() : task.type().code() + "|" + task.name()) + "#" + runId;
    }

    @Override
    public RunHandle start(TaskRef task, StartOptions options, StartControl control, RunListener waiting) {
        StartGate gate = StartGate.of(control);
        if (!task.type().isV2Job()) {
            throw new TaskNotFoundException(TaskNotFoundException.Reason.NOT_RUNNABLE, task.displayName()
                    + " is a taskflow: it is run through the taskflow service, not as a job", List.of());
        }
        task = lookup.identified(task);
        long lastKnown = -1;
        if (options.ifRunning() != IfRunning.START) {
            List<ActiveRun> monitorSeen = RunLookup.runsOf(task, lookup.monitor(IF_RUNNING_MAX_AGE));
            if (!monitorSeen.isEmpty() && lookup.sharesMonitor()) {
                // Another process's snapshot may list a run that has ended since: refusing, attaching or waiting
                // rests on the monitor as it is now. Only "not running" is taken from a snapshot.
                monitorSeen = RunLookup.runsOf(task, lookup.monitor());
            }
            // One look at what IICS shows: a run in the monitor, else the task's newest log entries, which tell
            // both whether a start known here but shown nowhere may still be going and the baseline that tells
            // the run of a start whose answer is lost from the runs before it.
            Shown shown = monitorSeen.isEmpty() ? shown(task, monitorSeen) : Shown.monitorOnly(monitorSeen);
            Optional<RunHandle> found = runningNow(task, monitorSeen, shown);
            if (found.isPresent()) {
                RunHandle running = found.get();
                switch (options.ifRunning()) {
                    case FAIL -> throw new TaskAlreadyRunningException(task.displayName() + " is already running (run "
                            + running.runId() + "): wait for it, attach to it, or start anyway with the if-running policy",
                            running);
                    case ATTACH -> {
                        return running;
                    }
                    case WAIT -> {
                        trace.note(task.displayName() + " is running (run " + running.runId() + "): waiting for it to end");
                        follower.await(running, null, null, waiting);
                        forget(running.task(), running.runId());
                        task = task.withId(running.task().id());
                        shown = shown(task, null); // the monitor and the log have changed while waiting
                    }
                    default -> throw new IllegalStateException("unexpected policy " + options.ifRunning());
                }
                lastKnown = running.runId();
            }
            // START looks at nothing before the start; its lost answers are settled by the start times.
            lastKnown = shown.newestRunId() < 0 ? -1 : Math.max(lastKnown, shown.newestRunId());
        }
        return startAtMostOnce(task, options, lastKnown, gate);
    }

    /**
     * What IICS showed of a task just before a start.
     *
     * @param newestRunId the newest run id in the monitor and the log (0 when none), or -1 when the log could not
     *     be read
     * @param logRead the task's newest log entries, newest first, or {@code null} when not read
     * @param rowsAsked how many entries were asked for
     */
    private record Shown(long newestRunId, List<JsonNode> logRead, int rowsAsked) {

        static Shown monitorOnly(List<ActiveRun> monitor) {
            return new Shown(monitor.stream().mapToLong(ActiveRun::runId).max().orElse(0), null, 0);
        }

        /** @return whether a run known to have been started has an entry, or is older than every entry read */
        boolean logged(long runId) {
            boolean older = logRead.size() >= rowsAsked;
            for (JsonNode e : logRead) {
                Long id = WireJson.number(e, "runId");
                if (id != null && id == runId) {
                    return true;
                }
                older &= id != null && id > runId;
            }
            return older;
        }
    }

    /**
     * Reads the task's newest log entries: as many as could show the starts known here that IICS may not show
     * yet, else just the newest one (the baseline).
     *
     * @param monitor the monitor's runs of the task if just read, else {@code null} (read here)
     */
    private Shown shown(TaskRef task, List<ActiveRun> monitor) {
        int rows = startsKnownHere(task).isEmpty() ? 1 : RECENT_ROWS;
        try {
            List<JsonNode> log = reconciler.newestEntries(task, rows);
            long newest = reconciler.newestRunId(task, monitor, log);
            return new Shown(newest, log, rows);
        } catch (IicsAuthException e) {
            throw e;
        } catch (IicsException e) {
            if (!startsKnownHere(task).isEmpty()) {
                throw e; // a start known here may still be going: start nothing rather than run it twice
            }
            // Not fatal: without the baseline a lost answer is settled by the start times.
            trace.note("could not read the newest run of " + task.displayName() + " before the start: " + e.getMessage());
            return new Shown(-1, List.of(), rows);
        }
    }

    /**
     * The task's running run: the newest in the activity monitor, or else a run started by this client (or
     * noted by {@link #noteStartedElsewhere}) that has no activity log entry yet (a run can be invisible for a
     * while right after its start).
     */
    private Optional<RunHandle> runningNow(TaskRef task, List<ActiveRun> mine, Shown shown) {
        // task is already identified (has a name or a v2 id); mine are its runs in the monitor now
        if (!mine.isEmpty()) {
            ActiveRun newest = mine.get(0);
            return Optional.of(new RunHandle(task.learnedFrom(newest.taskId(), newest.taskName()), newest.runId(), newest.startTime(), false));
        }
        Optional<RunHandle> unshown = Optional.empty();
        for (RunHandle started : startsKnownHere(task)) {
            if (shown.logged(started.runId())) {
                forget(started.task(), started.runId());
            } else if (shownNowhereTooLong(started)) {
                // In no monitor and no log long after its start: IICS lost it (or the org was reset). Counting it
                // would refuse every start of the task for as long as the note is kept.
                trace.note("run " + started.runId() + " of " + task.displayName() + ", started "
                        + started.startTime() + ", is shown nowhere: not counted as running");
                forget(started.task(), started.runId());
            } else if (unshown.isEmpty() || started.runId() > unshown.get().runId()) {
                unshown = Optional.of(new RunHandle(started.task(), started.runId(), started.startTime(), false));
            }
        }
        return unshown;
    }

    private boolean shownNowhereTooLong(RunHandle started) {
        if (started.startTime() == null) {
            return false;
        }
        // The start time may be the server's or this host's: allow the clocks' disagreement on top.
        Instant latest = started.startTime().plus(visibilityBound).plus(clock.uncertainty()).plus(ServerClock.SKEW);
        return clock.now().isAfter(latest);
    }

    private List<RunHandle> startsKnownHere(TaskRef task) {
        return unfinishedStarts.values().stream().filter(started -> sameTask(started.task(), task)).toList();
    }

    private void forget(TaskRef task, long runId) {
        unfinishedStarts.remove(claimKey(task, runId));
    }

    @Override
    public void noteStartedElsewhere(RunHandle run) {
        // Never the run of a lost answer of this client's, and counted by the if-running check until logged.
        String key = claimKey(run.task(), run.runId());
        claimed.add(key);
        unfinishedStarts.putIfAbsent(key, run);
    }

    private static boolean sameTask(TaskRef a, TaskRef b) {
        if (a.federatedId() != null && b.federatedId() != null) {
            return a.federatedId().equals(b.federatedId());
        }
        if (a.id() != null && b.id() != null) {
            return a.id().equals(b.id());
        }
        return a.type() == b.type() && a.name() != null && a.name().equals(b.name());
    }

    private RunHandle startAtMostOnce(TaskRef task, StartOptions options, long lastKnownRunId, StartGate gate) {
        return engine.start(new JobStart(api, task, jobBody(task, options), reconciler, lastKnownRunId, claimed,
                this::claim), gate);
    }

    private RunHandle claim(RunHandle run) {
        String key = claimKey(run.task(), run.runId());
        claimed.add(key);
        unfinishedStarts.put(key, run);
        return run;
    }

    private static JsonNode jobBody(TaskRef task, StartOptions options) {
        ObjectNode body = identity(task);
        if (options.callbackUrl() != null) {
            body.put("callbackURL", options.callbackUrl());
        }
        if (options.parameterFileName() != null || options.parameterFileDir() != null) {
            ObjectNode runtime = body.putObject("runtime");
            runtime.put("@type", "mtTaskRuntime");
            if (options.parameterFileName() != null) {
                runtime.put("parameterFileName", options.parameterFileName());
            }
            if (options.parameterFileDir() != null) {
                runtime.put("parameterFileDir", options.parameterFileDir());
            }
        }
        return body;
    }

    private static ObjectNode identity(TaskRef task) {
        ObjectNode body = WireJson.object();
        body.put("@type", "job");
        if (task.federatedId() != null) {
            body.put("taskFederatedId", task.federatedId());
        } else if (task.id() != null) {
            body.put("taskId", task.id());
        } else {
            body.put("taskName", task.name());
        }
        body.put("taskType", task.type().code());
        return body;
    }

    @Override
    public void stop(TaskRef task, boolean clean) {
        Map<String, String> query = clean ? Map.of("cleanStop", "true") : Map.of();
        HttpAnswer answer = api.exchange(ApiRequest.post(ApiArea.V2, "/job/stop").query(query).json(identity(task)).build());
        if (!answer.isSuccess()) {
            throw answer.status() == 404 ? JobStart.refusal(api, task, answer) : api.errorOf(answer);
        }
        trace.note((clean ? "clean stop" : "stop") + " of " + task.displayName() + " accepted");
    }

    @Override
    public RunResult await(RunHandle run, Duration timeout, RunListener listener) {
        return await(run, timeout, null, listener);
    }

    @Override
    public RunResult await(RunHandle run, Duration timeout, PollPolicy poll, RunListener listener) {
        RunResult result = follower.await(run, timeout, poll, listener);
        unfinishedStarts.remove(claimKey(result.task(), result.runId()));
        unfinishedStarts.remove(claimKey(run.task(), run.runId()));
        return result;
    }

    @Override
    public RunResult status(RunHandle run) {
        return lookup.observe(run, lookup.monitor(), false).result();
    }

    @Override
    public Optional<RunHandle> running(TaskRef anyTask) {
        TaskRef task = lookup.identified(anyTask);
        List<ActiveRun> mine = RunLookup.runsOf(task, lookup.monitor());
        return mine.stream().findFirst()
                .map(r -> new RunHandle(task.learnedFrom(r.taskId(), r.taskName()), r.runId(), r.startTime(), false));
    }

    @Override
    public Optional<RunResult> latest(TaskRef task) {
        Optional<RunHandle> running = running(task);
        if (running.isPresent()) {
            return Optional.of(status(running.get()));
        }
        List<RunResult> last = history(task, 1);
        return last.isEmpty() ? Optional.empty() : Optional.of(last.get(0));
    }

    @Override
    public List<RunResult> history(TaskRef task, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("history limit must be between 1 and 1000, got " + limit);
        }
        List<RunResult> runs = new ArrayList<>();
        for (JsonNode entry : lookup.logEntries(task, limit)) {
            runs.add(ActivityEntries.finished(task.learnedFrom(WireJson.text(entry, "objectId"),
                    WireJson.text(entry, "objectName")), entry));
        }
        return runs;
    }
}
