package dev.iicsctl.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.Awaits;
import dev.iicsctl.cli.CliEnvironment;
import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import dev.iicsctl.cli.Iicsctl;
import dev.iicsctl.cli.TestCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MonitorCommandTest extends EmulatorTestBase {

    @Test
    void listsTheRunningJobs() throws Exception {
        assertThat(cli.execute("run", "Sales/Long Load", "--no-wait").exitCode()).isZero();
        emulator.awaitRun("Sales/Long Load", TestCatalog.WAIT, "RUNNING");
        CliRun.Result result = cli.execute("monitor");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Long Load").contains("RUNNING");
        CliRun.Result json = cli.execute("monitor", "-o", "json");
        assertThat(jsonLines(json)).singleElement()
                .satisfies(run -> assertThat(run.get("task").get("name").asText()).isEqualTo("Long Load"));
    }

    @Test
    void nothingRunning() {
        CliRun.Result result = cli.execute("monitor");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("no jobs running");
    }

    @Test
    void watchRefreshesUntilInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        CliEnvironment env = CliEnvironment.of(Map.of(
                "IICS_LOGIN_URL", emulator.loginUrl().toString(), "IICS_USERNAME", TestCatalog.USER,
                "IICS_PASSWORD", TestCatalog.PASSWORD, "XDG_CACHE_HOME", home.resolve("cache").toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString()), home);
        Thread[] worker = new Thread[1];
        CompletableFuture<Integer> code = new CompletableFuture<>();
        worker[0] = new Thread(() -> code.complete(Iicsctl.commandLine(new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true), env).execute("monitor", "--watch", "--interval", "100ms")));
        worker[0].start();
        Awaits.until("three refreshes of the monitor", TestCatalog.WAIT,
                () -> out.toString().split("iicsctl monitor", -1).length >= 4);
        worker[0].interrupt();
        assertThat(code.get(10, TimeUnit.SECONDS)).isEqualTo(130);
        assertThat(out.toString()).contains("no jobs running").doesNotContain("\u001b[");
    }
}
