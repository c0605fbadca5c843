package dev.iicsctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmulatorMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private EmulatorMain.Launch launch(String... args) {
        return EmulatorMain.launch(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsLoginUrlAndDemoCredentialsAndServes() {
        EmulatorMain.Launch l = launch("--port", "0", "--seed", "1", "--latency", "0s", "--visibility-delay=100ms");
        try (Emulator emu = l.emulator()) {
            assertThat(emu).isNotNull();
            assertThat(out()).contains("login URL: " + emu.loginUrl()).contains("demo@example.com")
                    .contains("demo-password");
            assertThat(Api.loggedIn(emu).serverUrl).isEqualTo(emu.podUrl() + "/saas");
            assertThat(err()).isEmpty();
        }
    }

    @Test
    void passwordsOfAUsersOwnCatalogAreNotPrinted(@TempDir Path dir) throws IOException {
        Path catalog = Files.writeString(dir.resolve("c.yaml"),
                "users: [{username: ann@example.com, password: s3cret-Pw}]\ntasks: [{path: A/B, type: MTT}]");
        try (Emulator emu = launch("--port", "0", "--catalog", catalog.toString()).emulator()) {
            assertThat(out()).contains("ann@example.com").doesNotContain("s3cret-Pw");
        }
    }

    @Test
    void podPortOptionIsUsed() {
        try (Emulator probe = Emulator.builder().build().start()) {
            int free = probe.podUrl().getPort();
            probe.close();
            try (Emulator emu = launch("--port", "0", "--pod-port", Integer.toString(free)).emulator()) {
                assertThat(emu.podUrl().getPort()).isEqualTo(free);
            }
        }
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        EmulatorMain.Launch l = launch("--help");
        assertThat(l.emulator()).isNull();
        assertThat(l.exitCode()).isZero();
        assertThat(out()).contains("--catalog FILE").contains("--session-timeout").contains("--visibility-delay");
    }

    @Test
    void badOptionsGiveOneLineAndExitTwo() {
        assertUsageError(new String[] {"--colour", "red"}, "unknown option --colour");
        assertUsageError(new String[] {"--port", "http"}, "--port", "'http'");
        assertUsageError(new String[] {"--latency", "soon"}, "--latency", "'soon'");
        assertUsageError(new String[] {"--seed", "x"}, "--seed");
        assertUsageError(new String[] {"--catalog"}, "needs a value");
        assertUsageError(new String[] {"stray"}, "unexpected argument 'stray'");
        assertUsageError(new String[] {"--session-timeout", "0"}, "session timeout");
    }

    @Test
    void unreadableOrInvalidCatalogGivesOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        assertUsageError(new String[] {"--catalog", dir.resolve("missing.yaml").toString()}, "missing.yaml");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "tasks: [{path: A/B, type: NOPE}]");
        assertUsageError(new String[] {"--catalog", bad.toString()}, "bad.yaml", "unknown type 'NOPE'");
    }

    private void assertUsageError(String[] args, String... fragments) {
        out.reset();
        err.reset();
        EmulatorMain.Launch l = launch(args);
        assertThat(l.emulator()).isNull();
        assertThat(l.exitCode()).isEqualTo(2);
        assertThat(err()).startsWith("iicsctl emulator: ").contains(fragments);
        assertThat(err().strip().lines()).hasSize(1);
        assertThat(err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void childProcessStartsAndPrintsTheLoginUrl() throws Exception {
        Process p = javaProcess("--port", "0");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null && !line.startsWith("Serving")) {
                lines.add(line);
            }
            assertThat(lines).anyMatch(l -> l.matches("\\s+login URL: http://127\\.0\\.0\\.1:\\d+"));
            assertThat(String.join("\n", lines)).contains("demo@example.com").contains("demo-password");
        } finally {
            p.destroy();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void childProcessExitsTwoOnABadOption() throws Exception {
        Process p = javaProcess("--port", "-1");
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(stderr.strip()).startsWith("iicsctl emulator:").contains("--port").doesNotContain("\n");
    }

    private static Process javaProcess(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}
