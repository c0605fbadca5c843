package dev.iicsctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.emulator.time.MovableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrencyTest {
    private static final int TASKS = 40;

    private static String catalog() {
        StringBuilder sb = new StringBuilder("tasks:\n");
        for (int i = 0; i < TASKS; i++) {
            sb.append("  - {path: Load/T").append(i).append(", type: MTT, id: T").append(i)
                    .append(", run: {duration: 300ms, rows: {successSource: 10, successTarget: 10}}}\n");
        }
        return sb.toString();
    }

    @Test
    void manyClientsStartAndPollAtOnce() throws Exception {
        try (Emulator emu = Emulator.builder().catalogYaml(catalog()).visibilityDelay(Duration.ofMillis(100)).build().start()) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                String taskId = "T" + i;
                results.add(pool.submit(() -> runToEnd(emu, taskId)));
            }
            Set<Long> states = new HashSet<>();
            for (Future<Long> f : results) {
                states.add(f.get(50, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(states).containsExactly(1L);
            assertThat(emu.runs()).hasSize(TASKS).allMatch(r -> r.state().equals("SUCCEEDED"));
            assertThat(emu.requests().count("POST /saas/api/v2/job")).isEqualTo(TASKS);
        }
    }

    /** Logs in, starts the task, polls monitor and log until its one entry appears; returns its state. */
    private static long runToEnd(Emulator emu, String taskId) throws InterruptedException {
        Api api = Api.loggedIn(emu);
        long runId = api.start(taskId, "MTT");
        while (true) {
            assertThat(api.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(200);
            JsonNode log = api.log("taskId=" + taskId + "&runId=" + runId);
            if (!log.isEmpty()) {
                assertThat(log).hasSize(1);
                return log.get(0).get("state").asLong();
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aThousandConcurrentRunsAreAllInTheMonitor() {
        StringBuilder sb = new StringBuilder("tasks:\n");
        for (int i = 0; i < 1000; i++) {
            sb.append("  - {path: P/T").append(i).append(", type: DSS, id: D").append(i).append(", run: {duration: 1h}}\n");
        }
        MovableClock clock = TestCatalogs.summerClock();
        try (Emulator emu = Emulator.builder().catalogYaml(sb.toString()).clock(clock).build().start()) {
            Api api = Api.loggedIn(emu);
            for (int i = 0; i < 1000; i++) {
                api.start("D" + i, "DSS");
            }
            clock.advance(Duration.ofMinutes(10));
            JsonNode monitor = api.monitor();
            assertThat(monitor).hasSize(1000).allMatch(e -> e.get("executionState").asText().equals("RUNNING"));
        }
    }
}
