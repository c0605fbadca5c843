package dev.iicsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root command and the factory: help, version, exit code list, global options. */
class IicsctlTest {
    @TempDir
    Path home;

    @Test
    void versionPrintsTheProjectVersion() {
        CliRun.Result result = new CliRun(home).execute("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().trim()).matches("iicsctl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        CliRun.Result result = new CliRun(home).execute("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("run", "status", "stop", "logs", "history", "monitor", "tasks", "login",
                "logout", "whoami", "emulator", "demo", "completion");
        assertThat(result.out()).contains("Exit codes:").contains("7    task not found")
                .contains("143   interrupted by SIGTERM");
        assertThat(new CliRun(home).execute("run", "--help").out()).contains("Exit codes:").contains("--if-running");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun.Result result = new CliRun(home).execute();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Usage: iicsctl");
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() {
        CliRun.Result before = new CliRun(home).execute("-o", "json", "completion", "bash");
        CliRun.Result after = new CliRun(home).execute("completion", "bash", "-o", "json");
        assertThat(before.exitCode()).isZero();
        assertThat(after.exitCode()).isZero();
        assertThat(new CliRun(home).execute("-o", "yaml", "completion", "bash").exitCode()).isEqualTo(2);
    }
}
