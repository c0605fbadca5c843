package dev.iicsctl.cli.command;

import static dev.iicsctl.cli.TestCatalog.runsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.TestCatalog;
import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --no-wait}, then at once {@code status} or {@code stop} in another invocation sharing the cache
 * folder: the new run is shown nowhere for the emulator's visibility delay (3 s here, far longer than the commands
 * take), and the commands must still act on it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class JustStartedTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.with(Emulator.builder()
            .catalogYaml(TestCatalog.YAML).visibilityDelay(Duration.ofSeconds(3)));

    @TempDir
    Path home;
    private Emulator emulator;

    @BeforeEach
    void setUp() {
        emulator = EMULATOR.get();
    }

    /** A separate invocation, as another shell or scheduler step would be: only the home folder is shared. */
    private CliRun.Result iicsctl(String... args) {
        return CliRun.against(emulator, home).execute(args);
    }

    private static JsonNode firstJson(CliRun.Result result) throws Exception {
        return new ObjectMapper().readTree(result.outLines().get(0));
    }

    @Test
    void statusRightAfterANoWaitStartShowsTheNewRunNotThePreviousOne() throws Exception {
        CliRun.Result first = iicsctl("run", "Sales/Load Orders", "--poll", "100ms");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        CliRun.Result started = iicsctl("run", "Sales/Load Orders", "--no-wait");
        assertThat(started.exitCode()).as(started.toString()).isZero();

        CliRun.Result status = iicsctl("status", "Sales/Load Orders", "-o", "json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        JsonNode run = firstJson(status);
        assertThat(run.get("runId").asLong()).isEqualTo(2);
        assertThat(run.get("state").asText()).isEqualTo("QUEUED");
    }

    @Test
    void stopRightAfterANoWaitStartStopsTheNewRun() throws Exception {
        CliRun.Result started = iicsctl("run", "Sales/Long Load", "--no-wait");
        assertThat(started.exitCode()).as(started.toString()).isZero();

        CliRun.Result stop = iicsctl("stop", "Sales/Long Load");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.err()).contains("stop Sales/Long Load run 1").doesNotContain("nothing to stop");
        assertThat(emulator.awaitRun("Sales/Long Load", TestCatalog.WAIT, "STOPPING", "STOPPED").state()).isIn("STOPPING", "STOPPED");
        assertThat(emulator.requests().counts()).containsKey("POST /saas/api/v2/job/stop");
    }

    @Test
    void stopAndWaitRightAfterANoWaitStartOfATaskNamedByIdReportsItStopped() throws Exception {
        String id = emulator.catalog().taskByPath("Sales/Long Load").orElseThrow().id();
        assertThat(iicsctl("run", "--id", id, "-t", "MTT", "--no-wait").exitCode()).isZero();

        CliRun.Result stop = iicsctl("stop", "--id", id, "-t", "MTT", "--wait", "--poll", "100ms", "-o", "json");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(firstJson(stop).get("state").asText()).isEqualTo("STOPPED");
        assertThat(runsOf(emulator, "Sales/Long Load")).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo("STOPPED"));
    }

    @Test
    void aSecondRunRightAfterANoWaitStartSeesTheFirstAsRunning() throws Exception {
        assertThat(iicsctl("run", "Sales/Long Load", "--no-wait").exitCode()).isZero();

        CliRun.Result again = iicsctl("run", "Sales/Long Load", "--no-wait");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(7);
        assertThat(again.err()).contains("already running (run 1");
        CliRun.Result attach = iicsctl("run", "Sales/Long Load", "--if-running", "attach", "--timeout", "1s",
                "-o", "json");
        assertThat(attach.exitCode()).as(attach.toString()).isEqualTo(5);
        assertThat(firstJson(attach).get("runId").asLong()).isEqualTo(1);
        assertThat(runsOf(emulator, "Sales/Long Load")).hasSize(1);
    }

    @Test
    void waitRightAfterANoWaitStartSaysSoAndStartsWhenTheFirstHasEnded() throws Exception {
        assertThat(iicsctl("run", "Sales/Load Orders", "--no-wait").exitCode()).isZero();

        CliRun.Result next = iicsctl("run", "Sales/Load Orders", "--if-running", "wait", "--poll", "100ms",
                "-o", "json");
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.err()).contains("Sales/Load Orders is running (run 1): waiting for it to end before starting");
        assertThat(firstJson(next).get("runId").asLong()).isEqualTo(2);
        List<EmulatedRun> runs = runsOf(emulator, "Sales/Load Orders");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1).startTimeUtc()).isAfterOrEqualTo(runs.get(0).endTimeUtc());
    }

    @Test
    void aRunThatHasEndedIsNothingToStop() throws Exception {
        assertThat(iicsctl("run", "Sales/Load Orders", "--poll", "100ms").exitCode()).isZero();
        CliRun.Result stop = iicsctl("stop", "Sales/Load Orders");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.err()).contains("nothing to stop");
        assertThat(emulator.requests().counts()).doesNotContainKey("POST /saas/api/v2/job/stop");
    }

    @Test
    void theRecentRunsFileIsPrivateAndADamagedOneIsStartedAfresh() throws Exception {
        Path file = home.resolve("cache").resolve("iicsctl").resolve("recent-runs.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{not json at all");
        assertThat(iicsctl("run", "Sales/Long Load", "--no-wait").exitCode()).isZero();
        assertThat(Files.readString(file)).contains("\"runId\":1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        CliRun.Result status = iicsctl("status", "Sales/Long Load", "-o", "json");
        assertThat(firstJson(status).get("runId").asLong()).isEqualTo(1);
    }

    @Test
    void anUnwritableRecentRunsFileCostsOneWarningNotTheExitCode() throws Exception {
        Path file = home.resolve("cache").resolve("iicsctl").resolve("recent-runs.json");
        Files.createDirectories(file); // a directory where the file should be
        CliRun.Result started = iicsctl("run", "Sales/Load Orders", "--no-wait");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        assertThat(started.err()).contains("could not note run 1");
    }
}
