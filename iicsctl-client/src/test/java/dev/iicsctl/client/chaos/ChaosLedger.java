package dev.iicsctl.client.chaos;

import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.IicsException;
import dev.iicsctl.client.job.Rows;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.taskflow.TaskflowResult;
import dev.iicsctl.emulator.EmulatedRun;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compares what the client reported for each attempt with the runs the emulator holds for it, and counts
 * every kind of loss. Each task belongs to one worker that makes one attempt at a time and waits until every
 * run of the task has ended before judging, so the runs an attempt created are exactly the task's new runs.
 */
final class ChaosLedger {

    /**
     * What the client reported at the end of a run.
     *
     * @param runId the run id as the emulator writes it
     * @param state the final state's name
     * @param rows the row counts, or {@code null} where the client reports none (taskflows)
     */
    record Reported(String runId, String state, Rows rows) {

        static Reported of(RunResult r) {
            return r == null ? null : new Reported(Long.toString(r.runId()), r.state().name(), r.rows());
        }

        static Reported of(TaskflowResult r) {
            return r == null ? null : new Reported(r.runId(), r.state().name(), null);
        }
    }

    /**
     * One attempt to run a task or taskflow: start, then await.
     *
     * @param taskPath the task or taskflow
     * @param number the attempt's number for this task (1, 2, ...)
     * @param runsBefore how many runs of the task the emulator held before the attempt
     * @param reported the final result the client reported, or {@code null}
     * @param failure what the client threw instead, or {@code null}
     * @param failedIn {@code start} or {@code await}, when it threw
     */
    record Attempt(String taskPath, int number, int runsBefore, Reported reported, RuntimeException failure,
            String failedIn) {

        String name() {
            return taskPath + " attempt " + number;
        }
    }

    final AtomicInteger attempts = new AtomicInteger();
    final AtomicInteger reported = new AtomicInteger();
    final AtomicInteger unknownOutcomeNoRun = new AtomicInteger();
    final AtomicInteger failedNoRun = new AtomicInteger();
    final AtomicInteger duplicateStarts = new AtomicInteger();
    final AtomicInteger lostRuns = new AtomicInteger();
    final AtomicInteger falseSuccesses = new AtomicInteger();
    final AtomicInteger wrongStates = new AtomicInteger();
    final AtomicInteger wrongRows = new AtomicInteger();
    final AtomicInteger untypedErrors = new AtomicInteger();
    private final Queue<String> problems = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> reportedStates = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicInteger> sideCalls = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicInteger> sideFailures = new ConcurrentSkipListMap<>();

    /**
     * @param a the attempt
     * @param created the emulator's runs of the task that began during the attempt, all ended
     */
    void judge(Attempt a, List<EmulatedRun> created) {
        attempts.incrementAndGet();
        if (created.size() > 1) {
            duplicateStarts.addAndGet(created.size() - 1);
            problem(a, "one start asked, " + created.size() + " runs started: " + ids(created));
        }
        if (a.failure() != null && !(a.failure() instanceof IicsException)) {
            untypedErrors.incrementAndGet();
            problem(a, "an untyped exception escaped the client in " + a.failedIn() + ": " + a.failure());
        }
        if (a.reported() == null) {
            judgeFailure(a, created);
            return;
        }
        reported.incrementAndGet();
        Reported r = a.reported();
        reportedStates.merge(r.state(), 1, Integer::sum);
        EmulatedRun truth = created.stream().filter(run -> run.runId().equals(r.runId())).findFirst().orElse(null);
        if (truth == null) {
            wrongStates.incrementAndGet();
            problem(a, "client reported run " + r.runId() + " " + r.state() + ", but the attempt created "
                    + ids(created));
            return;
        }
        if ("SUCCEEDED".equals(r.state()) && !"SUCCEEDED".equals(truth.state())) {
            falseSuccesses.incrementAndGet();
            problem(a, "client reported run " + r.runId() + " SUCCEEDED, the emulator says " + truth.state());
        } else if (!r.state().equals(truth.state())) {
            wrongStates.incrementAndGet();
            problem(a, "client reported run " + r.runId() + " " + r.state() + ", the emulator says " + truth.state());
        }
        if (r.rows() == null) {
            return;
        }
        Rows expected = new Rows(truth.rows().successSource(), truth.rows().failedSource(),
                truth.rows().successTarget(), truth.rows().failedTarget());
        if (!expected.equals(r.rows())) {
            wrongRows.incrementAndGet();
            problem(a, "client reported run " + r.runId() + " rows " + r.rows() + ", the emulator says " + expected);
        }
    }

    /**
     * Counts a read that may fail under faults without losing anything (stop, logs), and flags an untyped one.
     *
     * @param what e.g. "stop" or "session logs"
     * @param failure what the client threw, or {@code null} when it worked
     * @param taskPath the task
     */
    void sideCall(String what, RuntimeException failure, String taskPath) {
        sideCalls.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
        if (failure == null) {
            return;
        }
        sideFailures.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
        if (!(failure instanceof IicsException)) {
            untypedErrors.incrementAndGet();
            problems.add(taskPath + ": an untyped exception escaped the client in " + what + ": " + failure);
        }
    }

    /** @return per side call: "made / failed after retries" */
    Map<String, String> sideCalls() {
        Map<String, String> out = new java.util.TreeMap<>();
        sideCalls.forEach((k, v) -> out.put(k, v.get() + " made, "
                + sideFailures.getOrDefault(k, new AtomicInteger()).get() + " failed after retries"));
        return out;
    }

    private void judgeFailure(Attempt a, List<EmulatedRun> created) {
        if (!created.isEmpty()) {
            lostRuns.incrementAndGet();
            problem(a, "run " + ids(created) + " exists (" + created.get(0).state() + ") but the client failed in "
                    + a.failedIn() + ": " + a.failure());
            return;
        }
        if (a.failure() instanceof IicsConnectionException c && c.outcomeUnknown()) {
            unknownOutcomeNoRun.incrementAndGet();
        } else {
            failedNoRun.incrementAndGet();
        }
    }

    private static String ids(List<EmulatedRun> runs) {
        return runs.stream().map(r -> "#" + r.runId() + " " + r.state()).toList().toString();
    }

    private void problem(Attempt a, String what) {
        problems.add(a.name() + ": " + what);
    }

    /** @return how many runs the client reported in each final state */
    Map<String, Integer> reportedStates() {
        return Map.copyOf(reportedStates);
    }

    /** @return every problem found, one line each */
    List<String> problems() {
        return List.copyOf(problems);
    }
}
