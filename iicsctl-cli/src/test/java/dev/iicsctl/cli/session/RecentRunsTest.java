package dev.iicsctl.cli.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecentRunsTest {

    private static final String LOGIN = "https://dm-us.informaticacloud.com";
    private static final String USER = "ops@example.com";

    @TempDir
    Path dir;

    private static RecentRuns.Entry run(String taskId, long runId) {
        return new RecentRuns.Entry(LOGIN, USER, taskId, null, "MTT", runId, null);
    }

    @Test
    void writersAtOnceLoseNoRun() throws Exception {
        RecentRuns runs = new RecentRuns(dir.resolve("recent-runs.json"), Clock.systemUTC());
        int writers = 8;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String task = "task-" + w;
                // A separate instance per writer, as separate commands have.
                RecentRuns mine = new RecentRuns(dir.resolve("recent-runs.json"), Clock.systemUTC());
                done.add(pool.submit(() -> {
                    for (int r = 1; r <= each; r++) {
                        mine.remember(run(task, r));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs.read()).hasSize(writers * each);
        for (int w = 0; w < writers; w++) {
            assertThat(runs.newest(LOGIN, USER, "task-" + w, null, "MTT")).get()
                    .extracting(RecentRuns.Entry::runId).isEqualTo((long) each);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> !n.endsWith(".tmp"));
        }
    }

    @Test
    void runsAreForgottenWhenFinishedOrOld() throws Exception {
        Path file = dir.resolve("recent-runs.json");
        Instant t0 = Instant.parse("2026-11-01T05:30:00Z");
        new RecentRuns(file, Clock.fixed(t0, ZoneOffset.UTC)).remember(run("a", 1));
        new RecentRuns(file, Clock.fixed(t0.plusSeconds(60), ZoneOffset.UTC)).remember(run("b", 7));
        RecentRuns later = new RecentRuns(file, Clock.fixed(t0.plus(RecentRuns.RETENTION).plusSeconds(30),
                ZoneOffset.UTC));
        assertThat(later.newest(LOGIN, USER, "a", null, "MTT")).isEmpty();
        assertThat(later.newest(LOGIN, USER, "b", null, "MTT")).isPresent();
        assertThat(later.newest("https://other.example.com", USER, "b", null, "MTT")).isEmpty();
        later.forget(run("b", 7));
        assertThat(later.read()).isEmpty();
    }

    @Test
    void aDamagedFileOrEntryCountsAsNothing() throws Exception {
        Path file = dir.resolve("recent-runs.json");
        RecentRuns runs = new RecentRuns(file, Clock.systemUTC());
        Files.writeString(file, "[{\"loginUrl\":1}, {\"garbage\"");
        assertThat(runs.read()).isEmpty();
        Files.writeString(file, "[{\"loginUrl\":\"" + LOGIN + "\",\"username\":\"" + USER + "\",\"taskId\":\"x\","
                + "\"taskType\":\"MTT\",\"runId\":3,\"startedAt\":\"" + Instant.now() + "\"},"
                + "{\"startedAt\":\"yesterday\"}]");
        assertThat(runs.read()).singleElement().extracting(RecentRuns.Entry::runId).isEqualTo(3L);
        runs.remember(run("y", 1));
        assertThat(runs.read()).hasSize(2);
        assertThat(Duration.between(runs.read().get(1).startedAt(), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(1));
    }
}
