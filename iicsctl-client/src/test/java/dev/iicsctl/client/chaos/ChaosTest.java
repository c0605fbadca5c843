package dev.iicsctl.client.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.IicsException;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.RetryPolicy;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.client.taskflow.TaskflowResult;
import dev.iicsctl.client.taskflow.TaskflowRun;
import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.Emulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hundreds of runs of jobs and taskflows through the real client while the emulator injects every fault
 * action of the product contract (4.3) and a 500 on every route (login, lookup, objects, monitor, activity log,
 * session log, start, stop, taskflow run and status), and ends all sessions at random moments; every run is
 * then checked against the emulator's ground truth. Some job runs are stopped right after their start, and the
 * session logs of some are read. Any duplicate start, lost run, false success, wrong state or wrong row count fails the test,
 * naming the task, the attempt and what went wrong. Prints the figures quoted in docs/reliability.md.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ChaosTest {

    static final long SEED = Long.getLong("chaos.seed", 20261128L);
    static final int TASKS = 12;
    static final int ATTEMPTS_PER_TASK = Integer.getInteger("chaos.attempts", 26);
    static final int TASKFLOWS = 3;
    static final int ATTEMPTS_PER_TASKFLOW = Integer.getInteger("chaos.taskflowAttempts", 20);
    /** Every this many attempts of a job, the run is stopped right after its start. */
    static final int STOP_EVERY = 5;
    /** Every this many attempts of a job, the session logs of the finished run are read. */
    static final int LOGS_EVERY = 3;
    static final double FAULT_PROBABILITY = 0.12;
    static final Duration READ_TIMEOUT = Duration.ofMillis(400);
    static final Duration LATE = Duration.ofMillis(700);

    private static Emulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = Emulator.builder().catalogYaml(ChaosCatalog.yaml(TASKS, TASKFLOWS, SEED))
                .visibilityDelay(Duration.ofMillis(100)).seed(SEED).build().start();
    }

    @AfterAll
    static void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void everyRunIsStartedOnceAndReportedTruthfullyUnderFaults() throws Exception {
        ChaosLedger ledger = new ChaosLedger();
        long t0 = System.nanoTime();
        int expiries;
        int phases;
        try (IicsClient iics = client();
             FaultWeather weather = new FaultWeather(emulator, FaultWeather.kinds(LATE), FAULT_PROBABILITY,
                     Duration.ofMillis(400), SEED).start();
             SessionReaper reaper = new SessionReaper(emulator, SEED, 300, 900).start()) {
            ExecutorService workers = Executors.newFixedThreadPool(TASKS + TASKFLOWS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < TASKS; i++) {
                    String path = ChaosCatalog.path(i);
                    boolean byName = i % 2 == 1;
                    done.add(workers.submit(() -> runTask(iics, path, byName, ledger)));
                }
                for (int i = 0; i < TASKFLOWS; i++) {
                    String path = ChaosCatalog.taskflowPath(i);
                    done.add(workers.submit(() -> runTaskflow(iics, path, ledger)));
                }
                for (Future<?> f : done) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                workers.shutdownNow();
            }
            expiries = reaper.expiries();
            phases = weather.phases();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.println(figures(ledger, expiries, phases, took));

        assertThat(ledger.problems()).as("problems found by comparing the client with the emulator").isEmpty();
        assertThat(ledger.duplicateStarts).hasValue(0);
        assertThat(ledger.lostRuns).hasValue(0);
        assertThat(ledger.falseSuccesses).hasValue(0);
        assertThat(ledger.wrongStates).hasValue(0);
        assertThat(ledger.wrongRows).hasValue(0);
        assertThat(ledger.untypedErrors).hasValue(0);
        assertThat(ledger.attempts).hasValue(TASKS * ATTEMPTS_PER_TASK + TASKFLOWS * ATTEMPTS_PER_TASKFLOW);
        assertThat(emulator.runs()).as("runs the emulator saw").hasSizeGreaterThanOrEqualTo(300);
        assertThat(emulator.runs()).filteredOn(r -> "taskflow".equals(r.kind())).as("taskflow runs")
                .hasSizeGreaterThanOrEqualTo(TASKFLOWS * ATTEMPTS_PER_TASKFLOW / 2);
        assertThat(expiries).as("sessions expired").isPositive();
        Map<String, Long> faults = emulator.requests().faults();
        assertThat(faults.keySet()).as("every fault kind hit requests").containsExactlyInAnyOrder(
                "status 503", "status 503 Retry-After", "status 429", "status 429 Retry-After",
                "status 502 text/html", "status 500", "delay " + LATE.toMillis() + "ms", "drop-before", "drop-after",
                "malformed");
        assertThat(faults.values()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(emulator.requests().faultedRoutes().keySet()).as("routes hit by faults").containsAll(ROUTES);
    }

    /** Every route the client uses in a run: each must have met faults. */
    static final List<String> ROUTES = List.of(
            "POST /ma/api/v2/user/login",
            "POST /saas/public/core/v3/lookup",
            "GET /saas/public/core/v3/objects",
            "GET /saas/api/v2/activity/activityMonitor",
            "GET /saas/api/v2/activity/activityLog",
            "GET /saas/api/v2/activity/activityLog/{id}/sessionLog",
            "POST /saas/api/v2/job",
            "POST /saas/api/v2/job/stop",
            "POST /active-bpel/rt/{apiName}",
            "GET /active-bpel/services/tf/status/{runId}");

    private static IicsClient client() {
        return IicsClient.builder()
                .loginUrl(emulator.loginUrl())
                .credentials(TestCatalog.USER, TestCatalog.PASSWORD.toCharArray())
                .retryPolicy(new RetryPolicy(6, Duration.ofMillis(20), Duration.ofMillis(100), true))
                .pollPolicy(PollPolicy.fixed(Duration.ofMillis(60)))
                .reconcileWindow(Duration.ofSeconds(1))
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(READ_TIMEOUT)
                .build();
    }

    private static void runTask(IicsClient iics, String path, boolean byName, ChaosLedger ledger) {
        String named = byName ? path.substring(path.lastIndexOf('/') + 1) : path;
        for (int n = 1; n <= ATTEMPTS_PER_TASK; n++) {
            // A path is one lookup and a name one objects query: resolved before every attempt, so that those
            // routes still meet faults.
            TaskRef task = resolve(iics, named);
            int before = emulator.runsOf(path).size();
            RunResult result = null;
            RuntimeException failure = null;
            String phase = "start";
            try {
                RunHandle run = iics.jobs().start(task);
                if (n % STOP_EVERY == 0) {
                    sideCall("stop", path, ledger, () -> iics.jobs().stop(task, false));
                }
                phase = "await";
                result = iics.jobs().await(run, Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                failure = e;
            }
            List<EmulatedRun> created = endedRunsAfter(path, before);
            ledger.judge(new ChaosLedger.Attempt(path, n, before, ChaosLedger.Reported.of(result), failure, phase),
                    created);
            if (result != null && n % LOGS_EVERY == 0) {
                RunResult finished = result;
                sideCall("session logs", path, ledger, () -> iics.logs().sessionLogs(finished));
            }
        }
    }

    /**
     * A call besides start and await (a stop, a log read): failing under faults after its retries loses nothing,
     * since the run is awaited and judged all the same; it is counted, and an untyped failure is a problem.
     */
    private static void sideCall(String what, String path, ChaosLedger ledger, Runnable call) {
        RuntimeException failure = null;
        try {
            call.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        ledger.sideCall(what, failure, path);
    }

    private static void runTaskflow(IicsClient iics, String path, ChaosLedger ledger) {
        TaskRef taskflow = resolve(iics, path);
        for (int n = 1; n <= ATTEMPTS_PER_TASKFLOW; n++) {
            int before = emulator.runsOf(path).size();
            TaskflowResult result = null;
            RuntimeException failure = null;
            String phase = "start";
            try {
                TaskflowRun run = iics.taskflows().start(taskflow, Map.of());
                phase = "await";
                result = iics.taskflows().await(run, Duration.ofSeconds(30), null, null);
            } catch (RuntimeException e) {
                failure = e;
            }
            List<EmulatedRun> created = endedRunsAfter(path, before);
            ledger.judge(new ChaosLedger.Attempt(path, n, before, ChaosLedger.Reported.of(result), failure, phase),
                    created);
        }
    }

    /** Resolving is under the same faults; a failed lookup is tried again (it starts nothing). */
    private static TaskRef resolve(IicsClient iics, String path) {
        IicsException last = null;
        for (int i = 0; i < 10; i++) {
            try {
                return iics.tasks().resolve(path, null);
            } catch (IicsException e) {
                last = e;
            }
        }
        throw new AssertionError("could not resolve " + path + " in 10 tries under faults", last);
    }

    /** Waits until every run of the task has ended, then returns the runs that began at or after index {@code from}. */
    private static List<EmulatedRun> endedRunsAfter(String path, int from) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            List<EmulatedRun> runs = emulator.runsOf(path);
            if (runs.stream().allMatch(EmulatedRun::ended)) {
                return runs.subList(from, runs.size());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(new TimeoutException("runs of " + path + " did not end: " + runs));
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String figures(ChaosLedger l, int expiries, int phases, Duration took) {
        var requests = emulator.requests();
        StringBuilder t = new StringBuilder();
        t.append("\nChaos figures (seed ").append(SEED).append(", ").append(TASKS).append(" tasks x ")
                .append(ATTEMPTS_PER_TASK).append(" attempts, ").append(took.toSeconds()).append(" s)\n\n");
        t.append("| figure | value |\n|---|---|\n");
        row(t, "runs asked (start + await)", l.attempts.get() + " (" + TASKS * ATTEMPTS_PER_TASK + " jobs, "
                + TASKFLOWS * ATTEMPTS_PER_TASKFLOW + " taskflows)");
        row(t, "runs in the emulator", emulator.runs().size() + " (" + emulator.runs().stream()
                .filter(r -> "taskflow".equals(r.kind())).count() + " taskflows)");
        row(t, "runs reported to the end", l.reported.get() + " " + new TreeMap<>(l.reportedStates()));
        row(t, "start failed, outcome unknown, no run", l.unknownOutcomeNoRun.get());
        row(t, "start failed, no run", l.failedNoRun.get());
        row(t, "API requests", requests.total());
        row(t, "start requests (POST /saas/api/v2/job)", requests.count("POST /saas/api/v2/job"));
        row(t, "taskflow start requests (POST /active-bpel/rt/{apiName})", requests.count("POST /active-bpel/rt/{apiName}"));
        l.sideCalls().forEach((what, n) -> row(t, what + " calls", n));
        row(t, "logins (v2)", requests.count("POST /ma/api/v2/user/login"));
        long faulted = requests.faults().values().stream().mapToLong(Long::longValue).sum();
        row(t, "requests faulted", faulted + String.format(" (%.1f%%)", 100.0 * faulted / requests.total()));
        requests.faults().forEach((kind, n) -> row(t, "  fault: " + kind, n));
        requests.faultedRoutes().forEach((route, n) -> row(t, "  faulted route: " + route, n));
        row(t, "fault phases (2 kinds each, p=" + FAULT_PROBABILITY + " per rule)", phases);
        row(t, "sessions expired (all sessions each time)", expiries);
        row(t, "**duplicate starts**", l.duplicateStarts.get());
        row(t, "**lost runs** (started, never reported)", l.lostRuns.get());
        row(t, "**false successes**", l.falseSuccesses.get());
        row(t, "**wrong states**", l.wrongStates.get());
        row(t, "**wrong row counts**", l.wrongRows.get());
        row(t, "untyped exceptions", l.untypedErrors.get());
        l.problems().forEach(p -> t.append("PROBLEM ").append(p).append('\n'));
        return t.toString();
    }

    private static void row(StringBuilder t, String name, Object value) {
        t.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }
}
