package dev.iicsctl.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import dev.iicsctl.cli.TestCatalog;
import org.junit.jupiter.api.Test;

class StopCommandTest extends EmulatorTestBase {

    @Test
    void stopsTheRunningJobAndWaitsForItsEnd() throws Exception {
        assertThat(cli.execute("run", "Sales/Long Load", "--no-wait").exitCode()).isZero();
        emulator.awaitRun("Sales/Long Load", TestCatalog.WAIT, "RUNNING");
        CliRun.Result result = cli.execute("stop", "Sales/Long Load", "--wait", "--poll", "100ms", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(jsonLines(result).get(0).get("state").asText()).isEqualTo("STOPPED");
        assertThat(TestCatalog.runsOf(emulator, "Sales/Long Load").get(0).state()).isEqualTo("STOPPED");
        assertThat(emulator.requests().counts()).containsKey("POST /saas/api/v2/job/stop");
    }

    @Test
    void aCleanStopWithoutWaiting() throws Exception {
        assertThat(cli.execute("run", "Sales/Long Load", "--no-wait").exitCode()).isZero();
        emulator.awaitRun("Sales/Long Load", TestCatalog.WAIT, "RUNNING");
        CliRun.Result result = cli.execute("stop", "Sales/Long Load", "--clean");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("cleanly stop Sales/Long Load run 1");
        assertThat(emulator.requests().recent()).anySatisfy(request -> {
            assertThat(request.path()).isEqualTo("/saas/api/v2/job/stop");
            assertThat(request.query()).contains("cleanStop=true");
        });
        emulator.awaitRun("Sales/Long Load", TestCatalog.WAIT, "STOPPING", "STOPPED");
    }

    @Test
    void nothingToStop() {
        CliRun.Result result = cli.execute("stop", "Sales/Load Orders");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("nothing to stop");
        assertThat(emulator.requests().counts()).doesNotContainKey("POST /saas/api/v2/job/stop");
    }
}
