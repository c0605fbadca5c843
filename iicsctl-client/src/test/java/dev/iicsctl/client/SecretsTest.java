package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.client.auth.AuthVersion;
import dev.iicsctl.client.auth.Session;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.support.MemorySessionStore;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.taskflow.TaskflowListener;
import dev.iicsctl.client.taskflow.TaskflowRun;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs everything once with the trace on and scans what the library logged (SLF4J file and trace listener),
 * every exception message and detail, and every toString() for the password and the session ids.
 */
@Timeout(90)
class SecretsTest {

    private static final String PASSWORD = "Xq9-very-S3cret-pw";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.withCatalogYaml((TestCatalog.YAML + TestCatalog.TASKFLOWS)
            .replace("users:\n", "users:\n  - username: secret-user@example.com\n    password: " + PASSWORD
                    + "\n    org: Demo Org\n"));

    @Test
    void neitherPasswordNorSessionIdAppearsAnywhere(@TempDir Path dir) throws Exception {
        Emulator emulator = EMULATOR.get();
        List<String> seen = new CopyOnWriteArrayList<>();
        Set<String> sessionIds = new LinkedHashSet<>();
        MemorySessionStore store = new MemorySessionStore();
        String user = "secret-user@example.com";
        try (IicsClient iics = TestCatalog.client(EMULATOR.get().loginUrl()).credentials(user, PASSWORD.toCharArray())
                .sessionStore(store).traceListener(seen::add).build()) {
            seen.add(iics.toString());
            seen.add(iics.toBuilder().toString());
            Session s = iics.auth().session();
            sessionIds.add(s.id());
            seen.add(s.toString());
            TaskRef task = iics.tasks().resolve("Sales/Load Orders");
            RunHandle run = iics.jobs().start(task);
            seen.add(run.toString());
            emulator.expireSessions();
            RunResult result = iics.jobs().await(run, Duration.ofSeconds(30));
            seen.add(result.toString());
            iics.auth().current().ifPresent(x -> sessionIds.add(x.id()));
            iics.logs().saveAll(result, dir).forEach(p -> seen.add(p.toString()));
            emulator.addFault(FaultRule.malformed("GET", "/saas/api/v2/activity/activityMonitor").times(1));
            capture(seen, () -> iics.monitor().running());
            emulator.addFault(FaultRule.status("GET", "/saas/api/v2/activity/activityMonitor", 400,
                    "application/json", "{\"code\":\"X\",\"description\":\"echo " + s.id() + "\"}").times(1));
            capture(seen, () -> iics.monitor().running());
            capture(seen, () -> iics.jobs().start(TaskRef.ofId("0100000Z0000000000ZZ", task.type())));
            capture(seen, () -> iics.jobs().await(iics.jobs().start(iics.tasks().resolve("Sales/Slow Load")),
                    Duration.ofMillis(100)));
            TaskflowRun flow = iics.taskflows().start(iics.tasks().resolve("Orchestration/Close Books"), Map.of());
            seen.add(iics.taskflows().await(flow, Duration.ofSeconds(30), TaskflowListener.NONE).toString());
            iics.taskflows().terminate(flow);
            iics.auth().logout();
        }
        try (IicsClient v3 = TestCatalog.client(EMULATOR.get().loginUrl()).credentials(user, PASSWORD.toCharArray())
                .auth(AuthVersion.V3).traceListener(seen::add).build()) {
            sessionIds.add(v3.auth().session().id());
            seen.add(v3.monitor().running().toString());
            v3.auth().logout();
        }
        store.sessions.values().forEach(x -> sessionIds.add(x.id()));
        try (IicsClient bad = TestCatalog.client(EMULATOR.get().loginUrl())
                .credentials(user, (PASSWORD + "-wrong").toCharArray()).traceListener(seen::add).build()) {
            capture(seen, () -> bad.auth().session());
        }

        assertThat(sessionIds).isNotEmpty().allSatisfy(id -> assertThat(id).hasSizeGreaterThan(4));
        assertThat(seen.stream().filter(l -> l.startsWith("> POST") && l.contains("/user/login")))
                .as("the trace shows the login request").isNotEmpty();
        List<String> all = new ArrayList<>(seen);
        all.addAll(libraryLogLines());
        assertThat(all.stream().filter(l -> l.contains("dev.iicsctl.client.http"))).as("SLF4J lines").isNotEmpty();
        for (String line : all) {
            assertThat(line).doesNotContain(PASSWORD);
            for (String id : sessionIds) {
                assertThat(line).doesNotContain(id);
            }
        }
    }

    private static void capture(List<String> seen, Runnable call) {
        try {
            call.run();
            seen.add("(no exception)");
        } catch (IicsException e) {
            seen.add(e.getMessage());
            seen.add(e.detail());
            seen.add(e.toString());
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                seen.add(String.valueOf(c.getMessage()));
            }
        }
    }

    private static List<String> libraryLogLines() throws Exception {
        String file = System.getProperty("org.slf4j.simpleLogger.logFile");
        if (file == null || !Files.exists(Path.of(file))) {
            throw new AssertionError("the SLF4J log file is not configured (org.slf4j.simpleLogger.logFile)");
        }
        return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("dev.iicsctl.client")).toList();
    }
}
