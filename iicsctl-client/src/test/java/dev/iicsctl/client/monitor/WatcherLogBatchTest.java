package dev.iicsctl.client.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.job.IfRunning;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.job.StartOptions;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.time.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The runs a watcher finds finished in one tick are read from the activity log together: the emulator's clock
 * ends them all at once, and the tick that notices costs one activity log request, not one per run.
 */
@Timeout(60)
class WatcherLogBatchTest {

    private static final int RUNS = 30;

    private static String catalog() {
        StringBuilder yaml = new StringBuilder("tasks:\n");
        for (int i = 0; i < RUNS; i++) {
            yaml.append("  - {path: Batch/Task ").append(i).append(", type: MTT, run: {duration: 1h}}\n");
        }
        return yaml.toString();
    }

    @Test
    void finishedRunsOfOneTickCostOneActivityLogRequest() throws Exception {
        MovableClock clock = MovableClock.running(Instant.now());
        try (Emulator emulator = Emulator.builder().catalogYaml(catalog()).clock(clock)
                .visibilityDelay(Duration.ofMillis(100)).build().start();
             IicsClient iics = TestCatalog.client(emulator.loginUrl()).build();
             RunWatcher watcher = iics.monitor().watcher(PollPolicy.fixed(Duration.ofMillis(200)))) {
            List<TaskRef> tasks = iics.tasks().list(TaskType.MTT, "Batch");
            assertThat(tasks).hasSize(RUNS);
            CountDownLatch allListed = new CountDownLatch(RUNS);
            List<CompletableFuture<RunResult>> results = new ArrayList<>();
            for (TaskRef t : tasks) {
                RunHandle run = iics.jobs().start(t, StartOptions.defaults().withIfRunning(IfRunning.START));
                boolean[] counted = {false};
                results.add(watcher.watch(run, r -> {
                    if (r.state() != RunState.NOT_YET_VISIBLE && !counted[0]) {
                        counted[0] = true;
                        allListed.countDown();
                    }
                }));
            }
            assertThat(allListed.await(30, TimeUnit.SECONDS)).as("every run listed in the monitor").isTrue();
            long logCallsBefore = emulator.requests().count("GET /saas/api/v2/activity/activityLog");
            clock.advance(Duration.ofHours(2));
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            for (CompletableFuture<RunResult> r : results) {
                assertThat(r.join().state()).isEqualTo(RunState.SUCCEEDED);
            }
            long logCalls = emulator.requests().count("GET /saas/api/v2/activity/activityLog") - logCallsBefore;
            System.out.println("activity log requests for " + RUNS + " runs ending together: " + logCalls);
            assertThat(logCalls).isEqualTo(1);
        }
    }
}
