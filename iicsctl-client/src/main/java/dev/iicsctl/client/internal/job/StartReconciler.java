package dev.iicsctl.client.internal.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.client.IicsException;
import dev.iicsctl.client.internal.http.HttpTrace;
import dev.iicsctl.client.internal.http.ServerClock;
import dev.iicsctl.client.internal.http.WireJson;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.monitor.ActiveRun;
import dev.iicsctl.client.task.TaskRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * After a start request whose outcome is unknown, looks for the run it may have created: a run of the task,
 * not already claimed by this client, with a run id above the last one known, started by this user (when the
 * entry says), that began no earlier than the request was sent (in server time, less a skew tolerance). The
 * run may be invisible for a while after it starts, so the search goes on for the whole reconcile window.
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

    StartReconciler(RunLookup lookup, HttpTrace trace, Duration window, ServerClock clock, String username) {
        this.lookup = lookup;
        this.trace = trace;
        this.window = window;
        this.clock = clock;
        this.username = username;
    }

    /**
     * @param task the task that was started
     * @param sentAt server time when the request was sent
     * @param lastKnownRunId the highest run id of the task known before the request, or -1
     * @param claimed keys ({@link HttpJobService#claimKey}) of runs this client already owns
     * @return the verdict
     */
    Outcome reconcile(TaskRef task, Instant sentAt, long lastKnownRunId, Set<String> claimed) {
        // The skew allowance: how far the server-time estimate may be off (from the Date header's precision).
        Duration tolerance = clock.uncertainty();
        Instant notBefore = sentAt.minus(tolerance);
        // Run id 0 marks a task run inside a taskflow, never a run of a start request.
        BiPredicate<String, Long> fresh = (entryTaskId, id) -> id > 0 && id > lastKnownRunId
                && !claimed.contains(HttpJobService.claimKey(task, id))
                && !claimed.contains(HttpJobService.claimKey(task.withId(entryTaskId), id));
        long deadline = System.nanoTime() + window.toNanos();
        long pause = Math.max(50, Math.min(1000, window.toMillis() / 8));
        boolean allLooksWorked = true;
        int looks = 0;
        trace.note("start of " + task.displayName() + " has an unknown outcome: looking for its run for "
                + window.toMillis() + " ms (run id > " + lastKnownRunId + ", started after " + notBefore + ")");
        do {
            looks++;
            try {
                for (ActiveRun r : RunLookup.runsOf(task, lookup.monitor())) {
                    if (fresh.test(r.taskId(), r.runId()) && byMe(r.startedBy()) && notEarlier(r.startTime(), notBefore)) {
                        return found(task.withId(r.taskId()), r.runId(), r.startTime(), looks);
                    }
                }
                for (JsonNode e : lookup.logEntries(task, 20, RunLookup.SEARCH_ROWS)) {
                    Long runId = WireJson.number(e, "runId");
                    Instant start = WireTimes.utc(e, "startTimeUtc", "startTime");
                    // A run that had ended before the request was sent cannot be the one it started.
                    Instant end = WireTimes.utc(e, "endTimeUtc", "endTime");
                    if (runId != null && fresh.test(WireJson.text(e, "objectId"), runId)
                            && WireJson.text(e, "parentTaskFederatedId") == null
                            && byMe(WireJson.text(e, "startedBy")) && notEarlier(start, notBefore)
                            && notEarlier(end, sentAt.minus(tolerance))) {
                        return found(task.withId(WireJson.text(e, "objectId")), runId, start, looks);
                    }
                }
            } catch (IicsException e) {
                allLooksWorked = false;
                trace.note("reconcile look " + looks + " failed: " + e.getMessage());
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        } while (true);
        trace.note("no run of " + task.displayName() + " appeared within the reconcile window (" + looks + " looks)");
        return new Outcome(allLooksWorked ? Verdict.ABSENT : Verdict.UNKNOWN, Optional.empty());
    }

    private Outcome found(TaskRef task, long runId, Instant start, int looks) {
        trace.note("found run " + runId + " of " + task.displayName() + " after " + looks + " look(s): attaching");
        return new Outcome(Verdict.FOUND, Optional.of(new RunHandle(task, runId, start, true)));
    }

    private boolean byMe(String startedBy) {
        return startedBy == null || startedBy.isBlank() || startedBy.equalsIgnoreCase(username);
    }

    private static boolean notEarlier(Instant start, Instant notBefore) {
        // A run whose start time is not shown cannot be ruled out by time; the run id rule still applies.
        return start == null || !start.isBefore(notBefore);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.iicsctl.client.IicsConnectionException(
                    "interrupted while checking whether a job started; check the activity monitor before starting again",
                    e, true);
        }
    }
}
