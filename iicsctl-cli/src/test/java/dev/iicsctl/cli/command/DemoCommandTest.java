package dev.iicsctl.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliRun;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DemoCommandTest {
    @TempDir
    Path home;

    @Test
    void runsADemoTaskOnTheBuiltInEmulatorAndShowsWhatToTryNext() {
        CliRun.Result result = new CliRun(home).execute("demo", "--task", "Finance/Mask Customers");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Finance/Mask Customers: run 1 SUCCEEDED");
        assertThat(result.err()).contains("no Informatica account needed")
                .contains("Finance/Mask Customers run 1: RUNNING")
                .contains("./iicsctl emulator --port 8080")
                .contains("IICS_LOGIN_URL=dm-us");
    }

    @Test
    void aDemoTaskflowThatSuspendsExitsNine() {
        CliRun.Result result = new CliRun(home).execute("demo", "--task", "Orchestration/Close Books");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(9);
        assertThat(result.out()).contains("Orchestration/Close Books: run ").contains("SUSPENDED");
    }

    @Test
    void anUnknownDemoTaskIsATaskError() {
        CliRun.Result result = new CliRun(home).execute("demo", "--task", "Nope/Nothing");
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.err()).contains("Nope/Nothing");
    }
}
