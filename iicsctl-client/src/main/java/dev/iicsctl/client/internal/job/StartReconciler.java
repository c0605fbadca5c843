package dev.iicsctl.client.internal.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.client.IicsException;
import dev.iicsctl.client.internal.http.HttpTrace;
import dev.iicsctl.client.internal.http.ServerClock;
import dev.iicsctl.client.internal.http.WireJson;
import dev.iicsctl.client.internal.time.TimeSource;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.monitor.ActiveRun;
import dev.iicsctl.client.task.TaskRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * After a start request whose outcome is unknown, looks for the run it may have created. A run is recognised by
 * what identifies it: a run of the task, not already claimed by this client, started by this user (when the entry
 * says), with a run id above the newest one seen just before the request ({@link #newestRunId}). Time decides
 * only when that baseline could not be read: then the run must have begun no earlier than the request was sent
 * (in server time, less the skew tolerance of {@link ServerClock}), where an Eastern time in the repeated autumn
 * hour counts as both of the instants it can mean, so that it never rules a run out. The run may be invisible
 * for a while after it starts, so the search goes on for the whole reconcile window.
 */
final class StartReconciler {

    /** What the search concluded. */
    enum Verdict {
        /** A run was found. */
        FOUND,
        /** Every look succeeded for the whole window and found nothing: the start did not happen. */
        ABSENT,
        /** Some looks failed: nothing can be concluded. */
        UNKNOWN
    }

    /**
     * @param verdict what was concluded
     * @param run the run found, when {@code FOUND}
     */
    record Outcome(Verdict verdict, Optional<RunHandle> run) {
    }

    private final RunLookup lookup;
    private final HttpTrace trace;
    private final Duration window;
    private final ServerClock clock;
    private final String username;
    private final TimeSource time;

    StartReconciler(RunLookup lookup, HttpTrace trace, Duration window, ServerClock clock, String username,
            TimeSource time) {
        this.time = time;
        this.lookup = lookup;
        this.trace = trace;
        this.window = window;
        this.clock = clock;
        this.username = username;
    }

    /**
     * @param task the task about to be started (identified: with a v2 id or a name)
     * @param rows how many of its newest entries
     * @return the task's newest activity log entries, newest first
     */
    List<JsonNode> newestEntries(TaskRef task, int rows) {
        return lookup.logEntries(task, rows, RunLookup.SEARCH_ROWS);
    }

    /**
     * The baseline of a start: the newest run id of the task in the activity monitor and log just before the
     * request. Any run with a higher id was started after this look.
     *
     * @param task the task about to be started (identified: with a v2 id or a name)
     * @param monitor the monitor's runs of the task if they were just read, else {@code null} (read here)
     * @param log the task's newest log entries, just read
     * @return the newest run id (0 when the task has no runs)
     */
    long newestRunId(TaskRef task, List<ActiveRun> monitor, List<JsonNode> log) {
        long newest = 0;
        for (ActiveRun r : monitor != null ? monitor : RunLookup.runsOf(task, lookup.monitor())) {
            newest = Math.max(newest, r.runId());
        }
        for (JsonNode e : log) {
            Long runId = WireJson.number(e, "runId");
            newest = Math.max(newest, runId == null ? 0 : runId);
        }
        return newest;
    }

    /**
     * @param task the task that was started
     * @param sentAt server time when the request was sent
     * @param lastKnownRunId the newest run id of the task seen before the request ({@link #newestRunId}), or -1
     *     when it is not known (then start times decide)
     * @param claimed keys ({@link HttpJobService#claimKey}) of runs this client already owns
     * @return the verdict
     */
    Outcome reconcile(TaskRef task, Instant sentAt, long lastKnownRunId, Set<String> claimed) {
        boolean byTime = lastKnownRunId < 0;
        Instant notBefore = sentAt.minus(clock.uncertainty());
        // Run id 0 marks a task run inside a taskflow, never a run of a start request.
        BiPredicate<String, Long> fresh = (entryTaskId, id) -> id > 0 && id > lastKnownRunId
                && !claimed.contains(HttpJobService.claimKey(task, id))
                && !claimed.contains(HttpJobService.claimKey(task.learnedFrom(entryTaskId, null), id));
        long began = time.nanoTime();
        long deadline = began + window.toNanos();
        long pause = Math.max(50, Math.min(1000, window.toMillis() / 8));
        boolean allLooksWorked = true;
        int looks = 0;
        trace.note("start of " + task.displayName() + " has an unknown outcome: looking for its run for "
                + window.toMillis() + " ms (" + (byTime ? "run id unknown before the start, so started after "
                        + notBefore : "run id > " + lastKnownRunId) + ")");
        do {
            looks++;
            try {
                // A shared snapshot will do if it was taken during this search, and since the previous look.
                Duration searched = Duration.ofNanos(time.nanoTime() - began);
                Duration maxAge = searched.compareTo(Duration.ofMillis(pause)) < 0 ? searched : Duration.ofMillis(pause);
                for (JsonNode e : newestFirst(lookup.monitorEntries(maxAge), "runId")) {
                    ActiveRun r = ActivityEntries.activeRun(e);
                    if (TaskMatch.matches(task, r.taskId(), r.taskName(), r.typeCode())
                            && fresh.test(r.taskId(), r.runId()) && byMe(r.startedBy())
                            && (!byTime || mayBeAfter(WireTimes.reading(e, "startTimeUtc", "startTime"), notBefore))) {
                        return found(task.learnedFrom(r.taskId(), r.taskName()), r.runId(), r.startTime(), looks);
                    }
                }
                for (JsonNode e : lookup.logEntries(task, 20, RunLookup.SEARCH_ROWS)) {
                    Long runId = WireJson.number(e, "runId");
                    // A run that had ended before the request was sent cannot be the one it started.
                    if (runId != null && fresh.test(WireJson.text(e, "objectId"), runId)
                            && WireJson.text(e, "parentTaskFederatedId") == null
                            && byMe(WireJson.text(e, "startedBy"))
                            && (!byTime || mayBeAfter(WireTimes.reading(e, "startTimeUtc", "startTime"), notBefore)
                                    && mayBeAfter(WireTimes.reading(e, "endTimeUtc", "endTime"), notBefore))) {
                        return found(task.learnedFrom(WireJson.text(e, "objectId"), WireJson.text(e, "objectName")),
                                runId, WireTimes.span(e).start(), looks);
                    }
                }
            } catch (IicsException e) {
                allLooksWorked = false;
                trace.note("reconcile look " + looks + " failed: " + e.getMessage());
            }
            if (time.nanoTime() >= deadline) {
                break;
            }
            sleep(Math.min(pause, Math.max(1, (deadline - time.nanoTime()) / 1_000_000)));
        } while (true);
        trace.note("no run of " + task.displayName() + " appeared within the reconcile window (" + looks + " looks)");
        return new Outcome(allLooksWorked ? Verdict.ABSENT : Verdict.UNKNOWN, Optional.empty());
    }

    private static List<JsonNode> newestFirst(List<JsonNode> entries, String runIdField) {
        List<JsonNode> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong((JsonNode e) -> {
            Long id = WireJson.number(e, runIdField);
            return id == null ? 0 : id;
        }).reversed());
        return sorted;
    }

    private Outcome found(TaskRef task, long runId, Instant start, int looks) {
        trace.note("found run " + runId + " of " + task.displayName() + " after " + looks + " look(s): attaching");
        return new Outcome(Verdict.FOUND, Optional.of(new RunHandle(task, runId, start, true)));
    }

    private boolean byMe(String startedBy) {
        return startedBy == null || startedBy.isBlank() || startedBy.equalsIgnoreCase(username);
    }

    /**
     * A time that is not shown cannot rule a run out, nor can an ambiguous one: its later reading decides.
     */
    private static boolean mayBeAfter(WireTimes.Reading time, Instant notBefore) {
        return time == null || !time.latest().isBefore(notBefore);
    }

    private void sleep(long millis) {
        try {
            time.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.iicsctl.client.IicsConnectionException(
                    "interrupted while checking whether a job started; check the activity monitor before starting again",
                    e, true);
        }
    }
}
