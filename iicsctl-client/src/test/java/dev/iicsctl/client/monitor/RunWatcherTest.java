package dev.iicsctl.client.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.job.IfRunning;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.job.StartOptions;
import dev.iicsctl.client.support.EmulatedIics;
import dev.iicsctl.client.support.VirtualTime;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.Emulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On virtual time: the intervals counted are the watcher's own, whatever the machine's load. */
@Timeout(120)
class RunWatcherTest {

    private static final int RUNS = 200;
    private static final Duration INTERVAL = Duration.ofMillis(250);

    private static final VirtualTime TIME = VirtualTime.startingNow();

    @RegisterExtension
    static final EmulatedIics IICS = EmulatedIics.onVirtualTime(TIME, bulkCatalog());

    private final IicsClient iics = IICS.client();
    private final Emulator emulator = IICS.emulator();

    static String bulkCatalog() {
        StringBuilder yaml = new StringBuilder("""
                users:
                  - username: demo@example.com
                    password: demo-password
                    org: Demo Org
                tasks:
                """);
        for (int i = 0; i < RUNS; i++) {
            String outcome = i % 10 == 0 ? "failed" : i % 10 == 1 ? "warning" : "success";
            yaml.append("  - path: Bulk/Task ").append(String.format("%03d", i)).append('\n')
                    .append("    type: MTT\n")
                    .append("    run: {duration: ").append(200 + (i % 6) * 100).append("ms, outcome: ").append(outcome)
                    .append(", rows: {successSource: ").append(i).append(", failedSource: 0, successTarget: ").append(i)
                    .append(", failedTarget: 0}}\n");
        }
        return yaml.toString();
    }

    @Test
    void twoHundredRunsAreWatchedWithOneMonitorCallPerInterval() throws Exception {
        List<TaskRef> tasks = iics.tasks().list(TaskType.MTT, "Bulk");
        assertThat(tasks).hasSize(RUNS);
        List<RunHandle> handles = new ArrayList<>();
        for (TaskRef t : tasks) {
            handles.add(iics.jobs().start(t, StartOptions.defaults().withIfRunning(IfRunning.START)));
        }
        Map<String, Long> before = emulator.requests().counts();
        Duration t0 = TIME.elapsed();
        Map<Long, RunState> seen = new ConcurrentHashMap<>();
        List<CompletableFuture<RunResult>> futures = new ArrayList<>();
        try (RunWatcher watcher = iics.monitor().watcher(PollPolicy.fixed(INTERVAL))) {
            for (RunHandle h : handles) {
                futures.add(watcher.watch(h, snapshot -> seen.put(snapshot.runId(), snapshot.state())));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
            assertThat(watcher.pending()).isZero();
        }
        Duration took = TIME.elapsed().minus(t0);
        Map<String, Long> after = emulator.requests().counts();
        long monitorCalls = delta(before, after, "GET /saas/api/v2/activity/activityMonitor");
        long logCalls = delta(before, after, "GET /saas/api/v2/activity/activityLog");
        long intervals = took.toMillis() / INTERVAL.toMillis() + 1;
        System.out.printf("200-run watch: %d ms of virtual time, %d activityMonitor calls (at most %d intervals), %d activityLog calls,"
                + " all requests during the watch: %s%n", took.toMillis(), monitorCalls, intervals, logCalls,
                diff(before, after));

        assertThat(monitorCalls).isBetween(1L, intervals);
        // The runs that end in one tick are read from the activity log together, not one request each.
        assertThat(logCalls).isBetween(1L, RUNS - 1L);

        Map<String, EmulatedRun> truth = emulator.runs().stream()
                .collect(Collectors.toMap(r -> r.taskPath(), r -> r));
        for (int i = 0; i < RUNS; i++) {
            RunResult r = futures.get(i).get();
            EmulatedRun expected = truth.get(handles.get(i).task().path());
            assertThat(r.runId()).isEqualTo(expected.jobRunId());
            assertThat(r.state().name()).isEqualTo(expected.state());
            assertThat(r.rows().successTarget()).isEqualTo(expected.rows().successTarget());
        }
        assertThat(futures.stream().map(f -> f.join().state()).distinct())
                .containsExactlyInAnyOrder(RunState.SUCCEEDED, RunState.WARNING, RunState.FAILED);
    }

    @Test
    void oneClientIsSharedByManyThreads() throws Exception {
        List<TaskRef> tasks = iics.tasks().list(TaskType.MTT, "Bulk").subList(0, 48);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<RunResult>> results = new ArrayList<>();
        for (TaskRef t : tasks) {
            results.add(pool.submit(() -> iics.jobs().await(iics.jobs().start(t), Duration.ofSeconds(60))));
        }
        for (java.util.concurrent.Future<RunResult> f : results) {
            assertThat(f.get(90, TimeUnit.SECONDS).isFinished()).isTrue();
        }
        pool.shutdown();
        assertThat(emulator.runs()).hasSize(tasks.size());
        assertThat(emulator.runs().stream().map(r -> r.taskPath()).distinct()).hasSize(tasks.size());
        assertThat(emulator.requests().count("POST /ma/api/v2/user/login")).isEqualTo(1);
        assertThat(emulator.requests().count("POST /saas/api/v2/job")).isEqualTo(tasks.size());
    }

    @Test
    void closingTheWatcherCancelsWhatIsLeft() {
        RunHandle run = iics.jobs().start(iics.tasks().resolve("Bulk/Task 005"));
        RunWatcher watcher = iics.monitor().watcher(PollPolicy.fixed(Duration.ofSeconds(5)));
        CompletableFuture<RunResult> f = watcher.watch(run);
        watcher.close();
        watcher.close();
        assertThat(f).isCancelled();
        assertThatThrownBy(() -> watcher.watch(run)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(f::join).isInstanceOf(CancellationException.class);
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String route) {
        return after.getOrDefault(route, 0L) - before.getOrDefault(route, 0L);
    }

    private static Map<String, Long> diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new java.util.TreeMap<>();
        after.forEach((k, v) -> {
            long n = v - before.getOrDefault(k, 0L);
            if (n != 0) {
                d.put(k, n);
            }
        });
        return d;
    }
}
