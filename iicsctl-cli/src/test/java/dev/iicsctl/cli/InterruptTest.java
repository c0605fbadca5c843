package dev.iicsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** A real signal to a real iicsctl process waiting for a run. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InterruptTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = TestCatalog.extension();

    @TempDir
    Path home;

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        // A process started in the background inherits an ignored SIGINT, and a JVM never handles a signal it
        // inherited as ignored; GNU env can restore the default so that the test means the same everywhere.
        if (envCanRestoreSignals()) {
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.iicsctl.cli.Main"));
        command.addAll(List.of(args));
        Emulator emulator = EMULATOR.get();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile());
        builder.environment().put("IICS_LOGIN_URL", emulator.loginUrl().toString());
        builder.environment().put("IICS_USERNAME", TestCatalog.USER);
        builder.environment().put("IICS_PASSWORD", TestCatalog.PASSWORD);
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        return builder.start();
    }

    private static boolean envCanRestoreSignals() {
        try {
            Process probe = new ProcessBuilder("env", "--default-signal=INT", "true")
                    .redirectErrorStream(true).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private String err() throws IOException {
        return Files.readString(home.resolve("err.txt"));
    }

    @Test
    void sigintStopsTheJobAndExits130() throws Exception {
        Emulator emulator = EMULATOR.get();
        Process process = start("run", "Sales/Slow Load", "--poll", "100ms");
        TestCatalog.awaitRun(emulator, "Sales/Slow Load", "RUNNING");
        signal(process, "INT");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err()).isEqualTo(130);
        EmulatedRun run = TestCatalog.awaitRun(emulator, "Sales/Slow Load", "STOPPING", "STOPPED");
        assertThat(run.runId()).isEqualTo("1");
        assertThat(err()).contains("interrupted; stopped Sales/Slow Load run 1");
    }

    @Test
    void sigtermStopsTheJobAndExits143() throws Exception {
        Emulator emulator = EMULATOR.get();
        Process process = start("run", "Sales/Slow Load", "--poll", "100ms");
        TestCatalog.awaitRun(emulator, "Sales/Slow Load", "RUNNING");
        signal(process, "TERM");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err()).isEqualTo(143);
        TestCatalog.awaitRun(emulator, "Sales/Slow Load", "STOPPING", "STOPPED");
    }

    @ParameterizedTest(name = "SIG{0} with --on-interrupt leave exits {1}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void onInterruptLeaveLeavesTheJobRunning(String signal, int exitCode) throws Exception {
        Emulator emulator = EMULATOR.get();
        Process process = start("run", "Sales/Slow Load", "--poll", "100ms", "--on-interrupt", "leave");
        TestCatalog.awaitRun(emulator, "Sales/Slow Load", "RUNNING");
        signal(process, signal);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err()).isEqualTo(exitCode);
        assertThat(TestCatalog.runsOf(emulator, "Sales/Slow Load")).singleElement()
                .extracting(EmulatedRun::state).isEqualTo("RUNNING");
        assertThat(emulator.requests().count("POST /saas/api/v2/job/stop")).isZero();
        assertThat(err()).contains("left Sales/Slow Load run 1 running");
    }

    @Test
    void sigtermTerminatesATaskflowRunAndExits143() throws Exception {
        Emulator emulator = EMULATOR.get();
        Process process = start("run", "Orchestration/Slow Flow", "--poll", "100ms");
        TestCatalog.awaitRun(emulator, "Orchestration/Slow Flow", "RUNNING");
        // A taskflow run shows at once; signal only once iicsctl follows it (its first status call).
        while (emulator.requests().count("GET /active-bpel/services/tf/status/{runId}") == 0) {
            Thread.sleep(50);
        }
        signal(process, "TERM");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err()).isEqualTo(143);
        assertThat(TestCatalog.runsOf(emulator, "Orchestration/Slow Flow")).singleElement().satisfies(run -> {
            assertThat(run.state()).isEqualTo("FAILED");
            assertThat(run.errorMessage()).contains("terminated by user");
        });
        assertThat(err()).containsPattern("interrupted; stopped Orchestration/Slow Flow run \\d+");
    }
}
