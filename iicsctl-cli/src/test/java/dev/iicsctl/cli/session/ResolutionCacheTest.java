package dev.iicsctl.cli.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.EmulatedRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests that {@code run} spends on finding its task, counted by the emulator: one lookup for a path without
 * a type, at most two requests for a name, none for a task resolved moments ago; a task deleted meanwhile is
 * found afresh and started once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResolutionCacheTest {
    private static final String LOOKUP = "POST /saas/public/core/v3/lookup";
    private static final String OBJECTS = "GET /saas/public/core/v3/objects";
    private static final String START = "POST /saas/api/v2/job";
    private static final String OLD_FID = "0ldSlowBatchFederated1";
    private static final String NEW_FID = "NewSlowBatchFederated1";

    private static final String USERS = """
            users:
              - username: demo@example.com
                password: demo-password
                org: Demo Org
            tasks:
              - path: Sales/Load Orders
                type: MTT
                run: {duration: 200ms, outcome: success}
              - path: Finance/Load Orders
                type: DSS
                run: {duration: 200ms, outcome: success}
            """;

    private static String catalog(String slowBatchFederatedId) {
        return USERS + """
                  - path: Ops/Slow Batch
                    type: DRS
                    federatedId: %s
                    run: {duration: 200ms, outcome: success}
                """.formatted(slowBatchFederatedId);
    }

    @TempDir
    Path home;
    private Emulator emulator;
    private CliRun cli;

    @BeforeEach
    void start() {
        emulator = Emulator.builder().catalogYaml(catalog(OLD_FID)).visibilityDelay(Duration.ZERO).build().start();
        cli = CliRun.against(emulator, home);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private CliRun.Result run(String... more) {
        String[] args = new String[more.length + 4];
        args[0] = "run";
        System.arraycopy(more, 0, args, 1, more.length);
        args[more.length + 1] = "--no-wait";
        args[more.length + 2] = "--if-running";
        args[more.length + 3] = "start";
        return cli.execute(args);
    }

    /** Start requests IICS handled (the new emulator knows no session yet: its first 401 is not a start). */
    private long handledStarts() {
        return emulator.requests().recent().stream().filter(r -> r.routeKey().equals(START) && r.status() != 401)
                .count();
    }

    private long lookups() {
        return emulator.requests().count(LOOKUP) + emulator.requests().count(OBJECTS);
    }

    /** The same catalog served anew on the same ports, the task at Ops/Slow Batch now another object. */
    private void deleteAndRecreateTheTask(String catalog) {
        int login = emulator.loginUrl().getPort();
        int pod = emulator.podUrl().getPort();
        emulator.close();
        emulator = Emulator.builder().catalogYaml(catalog).port(login).podPort(pod)
                .visibilityDelay(Duration.ZERO).build().start();
    }

    private List<Path> cacheFiles() throws IOException {
        Path folder = home.resolve("cache").resolve("iicsctl");
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("resolutions")).toList();
        }
    }

    @Test
    void aPathWithoutATypeIsOneLookupAndItsSecondRunNone() {
        CliRun.Result first = run("Ops/Slow Batch");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(emulator.requests().count(LOOKUP)).isEqualTo(1);
        assertThat(emulator.requests().count(OBJECTS)).isZero();

        emulator.requests().clear();
        CliRun.Result second = run("Ops/Slow Batch");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(lookups()).isZero();
        assertThat(emulator.requests().count(START)).isEqualTo(1);
        assertThat(emulator.runs()).hasSize(2);
    }

    @Test
    void aNameIsAtMostTwoRequestsAndItsSecondRunNone() {
        assertThat(run("Slow Batch").exitCode()).isZero();
        assertThat(lookups()).isLessThanOrEqualTo(2);
        emulator.requests().clear();
        assertThat(run("Slow Batch").exitCode()).isZero();
        assertThat(lookups()).isZero();
    }

    @Test
    void theCacheFileIsPrivate() throws IOException {
        assertThat(run("Ops/Slow Batch").exitCode()).isZero();
        assertThat(cacheFiles()).hasSize(1);
        assertThat(Files.getPosixFilePermissions(cacheFiles().get(0)))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(cacheFiles().get(0))).doesNotContain(dev.iicsctl.cli.TestCatalog.PASSWORD);
    }

    @Test
    void aTaskDeletedAndRecreatedMeanwhileIsFoundAfreshAndStartedOnce() {
        assertThat(run("Ops/Slow Batch").exitCode()).isZero();
        deleteAndRecreateTheTask(catalog(NEW_FID));

        CliRun.Result again = run("Ops/Slow Batch");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(emulator.runs()).extracting(EmulatedRun::federatedId).containsExactly(NEW_FID);
        assertThat(handledStarts()).as("the refused start and the new task's").isEqualTo(2);
        assertThat(emulator.requests().count(LOOKUP)).isEqualTo(1);

        emulator.requests().clear();
        assertThat(run("Ops/Slow Batch").exitCode()).isZero();
        assertThat(lookups()).as("the fresh resolution is cached").isZero();
    }

    @Test
    void aTaskDeletedMeanwhileIsNotFoundAndNothingStarts() {
        assertThat(run("Ops/Slow Batch").exitCode()).isZero();
        deleteAndRecreateTheTask(USERS);

        CliRun.Result again = run("Ops/Slow Batch");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCode.TASK_PROBLEM);
        assertThat(again.err()).contains("Ops/Slow Batch");
        assertThat(emulator.runs()).isEmpty();
        assertThat(handledStarts()).isEqualTo(1);
    }

    @Test
    void aCorruptOrUnreadableCacheFileIsIgnored() throws IOException {
        assertThat(run("Ops/Slow Batch").exitCode()).isZero();
        Path file = cacheFiles().get(0);
        Files.writeString(file, "{\"entries\":[{\"key\":");
        emulator.requests().clear();
        CliRun.Result corrupt = run("Ops/Slow Batch");
        assertThat(corrupt.exitCode()).as(corrupt.toString()).isZero();
        assertThat(corrupt.err()).isEmpty();
        assertThat(emulator.requests().count(LOOKUP)).isEqualTo(1);

        Files.writeString(file, "[1, 2, {\"loginUrl\": 3}]");
        assertThat(run("Ops/Slow Batch").exitCode()).isZero();
        Files.delete(file);
        Files.createDirectory(file); // not a file at all: nothing can be read or written there
        CliRun.Result blocked = run("Ops/Slow Batch");
        assertThat(blocked.exitCode()).as(blocked.toString()).isZero();
        assertThat(blocked.err()).isEmpty();
        assertThat(emulator.runs()).hasSize(4);
    }

    @Test
    void aNameOfTwoTasksIsStillAmbiguousAndNotCached() {
        for (int i = 0; i < 2; i++) {
            CliRun.Result ambiguous = run("Load Orders");
            assertThat(ambiguous.exitCode()).as(ambiguous.toString()).isEqualTo(ExitCode.TASK_PROBLEM);
            assertThat(ambiguous.err()).contains("Sales/Load Orders").contains("Finance/Load Orders");
        }
        assertThat(emulator.runs()).isEmpty();
        assertThat(emulator.requests().count(OBJECTS)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void statusUsesTheCacheAndLogoutClearsIt() {
        assertThat(run("Ops/Slow Batch").exitCode()).isZero();
        emulator.requests().clear();
        cli.execute("status", "Ops/Slow Batch");
        assertThat(lookups()).isZero();

        assertThat(cli.execute("logout").exitCode()).isZero();
        emulator.requests().clear();
        assertThat(run("Ops/Slow Batch").exitCode()).isZero();
        assertThat(emulator.requests().count(LOOKUP)).isEqualTo(1);
    }

    @Test
    void aRunByIdMakesNoLookup() {
        String id = emulator.catalog().taskByPath("Ops/Slow Batch").orElseThrow().id();
        assertThat(run("--id", id, "-t", "DRS").exitCode()).isZero();
        assertThat(lookups()).isZero();
    }
}
