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
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The watcher's call budget: one activity monitor call per interval, and activity log calls only for runs the
 * monitor no longer lists (read together), never for a run on the tick right after its start.
 */
@Timeout(60)
class RunWatcherCallsTest {

    private static final int RUNS = 12;

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.with(Emulator.builder()
            .catalogYaml(catalog())
            // Longer than the first interval: the first tick finds the fresh runs in neither monitor nor log.
            .visibilityDelay(Duration.ofMillis(1500)));

    private static String catalog() {
        StringBuilder yaml = new StringBuilder("tasks:\n");
        for (int i = 0; i < RUNS; i++) {
            yaml.append("  - {path: Calls/Task ").append(i).append(", type: MTT, run: {duration: 1s}}\n");
        }
        return yaml.toString();
    }

    @Test
    void freshRunsAreNotLookedForInTheLogOnTheirFirstTick() throws Exception {
        Emulator emulator = EMULATOR.get();
        List<CompletableFuture<RunResult>> results = new ArrayList<>();
        try (IicsClient iics = TestCatalog.client(emulator.loginUrl()).build();
             RunWatcher watcher = iics.monitor().watcher(PollPolicy.fixed(Duration.ofSeconds(1)))) {
            List<TaskRef> tasks = iics.tasks().list(TaskType.MTT, "Calls");
            assertThat(tasks).hasSize(RUNS);
            // Every run is reported once on the first tick (not visible yet): by then the log must not be asked.
            AtomicLong logCallsAtFirstTick = new AtomicLong(-1);
            for (TaskRef t : tasks) {
                RunHandle run = iics.jobs().start(t, StartOptions.defaults().withIfRunning(IfRunning.START));
                results.add(watcher.watch(run, r -> {
                    if (r.state() == RunState.NOT_YET_VISIBLE) {
                        logCallsAtFirstTick.compareAndSet(-1,
                                emulator.requests().count("GET /saas/api/v2/activity/activityLog"));
                    }
                }));
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(logCallsAtFirstTick.get()).as("activity log calls on the first tick").isZero();
        }
        for (CompletableFuture<RunResult> r : results) {
            assertThat(r.join().state()).isEqualTo(RunState.SUCCEEDED);
        }
        assertThat(emulator.requests().count("GET /saas/api/v2/activity/activityLog")).isBetween(1L, RUNS - 1L);
    }
}
