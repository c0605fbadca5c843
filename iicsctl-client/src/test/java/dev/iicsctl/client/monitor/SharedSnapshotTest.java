package dev.iicsctl.client.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.job.IfRunning;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.job.StartOptions;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.time.MovableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Shared activity monitor snapshots within one JVM: what a snapshot file may answer, and what is ignored. The
 * snapshot files are forged from a real one that shows a finished run running, so that a file that were wrongly
 * believed would show in the calls made (its "running" is checked by a call of its own before a start).
 */
@Timeout(60)
class SharedSnapshotTest {

    private static final String MONITOR = "GET /saas/api/v2/activity/activityMonitor";
    private static final String LONG_TASK = """
            tasks:
              - {path: Shared/Long One, type: MTT, run: {duration: 20m}}
              - {path: Shared/Long Two, type: MTT, run: {duration: 20m}}
            """;

    @TempDir
    Path folder;

    private final MovableClock clock = MovableClock.running(Instant.now());
    private Emulator emulator;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().catalogYaml(LONG_TASK).clock(clock).visibilityDelay(Duration.ofMillis(50))
                .build().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private IicsClient.Builder client(Path shared) {
        return TestCatalog.client(emulator.loginUrl()).sharedMonitorSnapshots(shared);
    }

    /**
     * Leaves in the folder a snapshot that shows "Long One" running, while in truth its run has ended.
     *
     * @return the run, ended
     */
    private RunHandle snapshotOfAnEndedRun(IicsClient iics, TaskRef task) {
        RunHandle run = iics.jobs().start(task, StartOptions.defaults().withIfRunning(IfRunning.START));
        awaitListed(iics, run);
        clock.advance(Duration.ofMinutes(25)); // past the runs' ends, within the session idle limit
        return run;
    }

    private static void awaitListed(IicsClient iics, RunHandle run) {
        for (int i = 0; i < 200; i++) {
            if (iics.monitor().running().stream().anyMatch(r -> r.runId() == run.runId())) {
                return;
            }
            pause();
        }
        throw new AssertionError("run " + run.runId() + " never appeared in the monitor");
    }

    private Path snapshotFile() {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> snapshots = files.filter(p -> p.getFileName().toString().endsWith(".monitor.json")).toList();
            assertThat(snapshots).as("one snapshot file in " + folder).hasSize(1);
            return snapshots.get(0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode read(Path file) throws IOException {
        return (ObjectNode) new ObjectMapper().readTree(file.toFile());
    }

    private static void write(Path file, ObjectNode json) throws IOException {
        Files.writeString(file, new ObjectMapper().writeValueAsString(json));
    }

    @Test
    void aFreshSnapshotThatShowsTheTaskRunningIsCheckedBeforeTheStartIsRefused() throws Exception {
        try (IicsClient iics = client(folder).build()) {
            TaskRef one = iics.tasks().resolve("Shared/Long One", dev.iicsctl.client.task.TaskType.MTT);
            snapshotOfAnEndedRun(iics, one);
            Path file = snapshotFile();
            ObjectNode json = read(file);
            json.put("takenAt", System.currentTimeMillis());
            write(file, json);
            long before = emulator.requests().count(MONITOR);
            // Believed alone, the forged snapshot would refuse the start: its "running" is checked by one call.
            RunHandle second = iics.jobs().start(one, StartOptions.defaults().withIfRunning(IfRunning.FAIL));
            assertThat(emulator.requests().count(MONITOR) - before).isEqualTo(1);
            assertThat(second.runId()).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated", "garbage", "foreign", "future", "stale", "emptyFile", "wrongCount"})
    void aDamagedOrForeignSnapshotIsIgnored(String damage) throws Exception {
        try (IicsClient iics = client(folder).build()) {
            TaskRef one = iics.tasks().resolve("Shared/Long One", dev.iicsctl.client.task.TaskType.MTT);
            snapshotOfAnEndedRun(iics, one);
            Path file = snapshotFile();
            ObjectNode json = read(file);
            String scope = json.path("scope").asText();
            json.put("takenAt", System.currentTimeMillis());
            switch (damage) {
                case "truncated" -> {
                    String text = new ObjectMapper().writeValueAsString(json);
                    Files.writeString(file, text.substring(0, text.length() / 2));
                }
                case "garbage" -> Files.write(file, new byte[] {0, (byte) 0xff, '{', '"'});
                case "emptyFile" -> Files.write(file, new byte[0]);
                case "foreign" -> write(file, json.put("scope", "0".repeat(json.path("scope").asText().length())));
                case "future" -> write(file, json.put("takenAt", System.currentTimeMillis() + 3_600_000));
                case "stale" -> write(file, json.put("takenAt", System.currentTimeMillis() - 3_600_000));
                case "wrongCount" -> write(file, json.put("count", json.path("count").asInt() + 1));
                default -> throw new IllegalArgumentException(damage);
            }
            long before = emulator.requests().count(MONITOR);
            RunHandle second = iics.jobs().start(one, StartOptions.defaults().withIfRunning(IfRunning.FAIL));
            assertThat(emulator.requests().count(MONITOR) - before).as("the check polled the monitor itself").isEqualTo(1);
            awaitListed(iics, second);
            clock.advance(Duration.ofMinutes(25)); // past the runs' ends, within the session idle limit
            RunResult result = iics.jobs().await(second, Duration.ofSeconds(30));
            assertThat(result.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(read(snapshotFile()).path("scope").asText()).as("replaced by a sound snapshot")
                    .isEqualTo(scope);
        }
    }

    @Test
    void aRunMissingFromAFreshSnapshotIsLookedUpInTheActivityLog() throws Exception {
        try (IicsClient iics = client(folder).pollPolicy(PollPolicy.fixed(Duration.ofMinutes(10))).build()) {
            TaskRef one = iics.tasks().resolve("Shared/Long One", dev.iicsctl.client.task.TaskType.MTT);
            RunHandle run = snapshotOfAnEndedRun(iics, one);
            // The snapshot left by the last poll shows the run going; a fresh one that lists nothing replaces it.
            Path file = snapshotFile();
            ObjectNode json = read(file);
            json.put("takenAt", System.currentTimeMillis());
            json.putArray("entries");
            json.put("count", 0);
            write(file, json);
            long monitorBefore = emulator.requests().count(MONITOR);
            // The first look (a 10-minute interval) takes the snapshot, misses the run there and asks the log.
            RunResult result = iics.jobs().await(run, Duration.ofSeconds(30));
            assertThat(result.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(emulator.requests().count(MONITOR) - monitorBefore).as("answered by the snapshot").isZero();
        }
    }

    @Test
    void snapshotFilesAreTheOwnersOnlyAndNameNoSecret() throws Exception {
        try (IicsClient iics = client(folder).build()) {
            iics.monitor().running();
            Path file = snapshotFile();
            String name = file.getFileName().toString();
            assertThat(name).doesNotContain("demo").doesNotContain("127.0.0.1").doesNotContain("localhost");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String text = Files.readString(file);
            String session = iics.auth().current().orElseThrow().id();
            assertThat(text).doesNotContain(session).doesNotContain(TestCatalog.PASSWORD)
                    .doesNotContain(TestCatalog.USER);
        }
    }

    @Test
    void twoClientsInOneJvmShareOnePollPerInterval() throws Exception {
        AtomicInteger sharedLooks = new AtomicInteger();
        AtomicInteger ownPolls = new AtomicInteger();
        PollPolicy poll = PollPolicy.fixed(Duration.ofMillis(300));
        try (IicsClient a = counting(client(folder).pollPolicy(poll), sharedLooks, ownPolls).build();
             IicsClient b = counting(client(folder).pollPolicy(poll), sharedLooks, ownPolls).build()) {
            RunHandle runA = a.jobs().start(a.tasks().resolve("Shared/Long One", dev.iicsctl.client.task.TaskType.MTT),
                    StartOptions.defaults().withIfRunning(IfRunning.START));
            RunHandle runB = b.jobs().start(b.tasks().resolve("Shared/Long Two", dev.iicsctl.client.task.TaskType.MTT),
                    StartOptions.defaults().withIfRunning(IfRunning.START));
            var waitA = java.util.concurrent.CompletableFuture.supplyAsync(() -> a.jobs().await(runA, Duration.ofSeconds(50)));
            var waitB = java.util.concurrent.CompletableFuture.supplyAsync(() -> b.jobs().await(runB, Duration.ofSeconds(50)));
            while (sharedLooks.get() + ownPolls.get() < 24) {
                pause();
            }
            clock.advance(Duration.ofMinutes(25)); // past the runs' ends, within the session idle limit
            assertThat(waitA.get().state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(waitB.get().state()).isEqualTo(RunState.SUCCEEDED);
        }
        int looks = sharedLooks.get() + ownPolls.get();
        System.out.println("two clients, one JVM: " + looks + " looks at the monitor, " + ownPolls.get() + " polls");
        assertThat(emulator.requests().count(MONITOR)).isEqualTo(ownPolls.get());
        assertThat(ownPolls.get()).isLessThanOrEqualTo(looks * 6 / 10 + 2);
    }

    /** Counts the looks at the monitor answered by a snapshot and those that polled (from the trace). */
    static IicsClient.Builder counting(IicsClient.Builder builder, AtomicInteger sharedLooks, AtomicInteger ownPolls) {
        return builder.traceListener(line -> {
            if (line.startsWith("> GET ") && line.contains("/activity/activityMonitor")) {
                ownPolls.incrementAndGet();
            } else if (line.startsWith("* ") && line.contains("shared activity monitor snapshot")) {
                sharedLooks.incrementAndGet();
            }
        });
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
