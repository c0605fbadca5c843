package dev.iicsctl.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import dev.iicsctl.cli.TestCatalog;
import org.junit.jupiter.api.Test;

class StatusCommandTest extends EmulatorTestBase {

    @Test
    void showsTheLatestFinishedRunWithItsExitCode() {
        assertThat(runTask("Sales/Load Returns").exitCode()).isEqualTo(3);
        CliRun.Result result = cli.execute("status", "Sales/Load Returns", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        JsonNode run = jsonLines(result).get(0);
        assertThat(run.get("state").asText()).isEqualTo("WARNING");
        assertThat(run.get("exitCode").asInt()).isEqualTo(3);
    }

    @Test
    void showsARunningRun() throws Exception {
        assertThat(cli.execute("run", "Sales/Long Load", "--no-wait").exitCode()).isZero();
        emulator.awaitRun("Sales/Long Load", TestCatalog.WAIT, "RUNNING");
        CliRun.Result result = cli.execute("status", "Sales/Long Load");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Sales/Long Load: run 1 RUNNING since ");
    }

    @Test
    void showsAGivenRun() {
        assertThat(runTask("Sales/Load Orders").exitCode()).isZero();
        assertThat(runTask("Sales/Load Orders").exitCode()).isZero();
        CliRun.Result result = cli.execute("status", "Sales/Load Orders", "--run-id", "1", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(jsonLines(result).get(0).get("runId").asLong()).isEqualTo(1);
        CliRun.Result unknown = cli.execute("status", "Sales/Load Orders", "--run-id", "9");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("run 9 of Sales/Load Orders not found");
    }

    @Test
    void aTaskflowWithoutRunsSaysSoAndARunIdOfATaskMustBeANumber() {
        CliRun.Result result = cli.execute("status", "Orchestration/Flow");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("Orchestration/Flow has no runs yet");
        CliRun.Result bad = cli.execute("status", "Sales/Load Orders", "--run-id", "abc");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--run-id of a task is a number");
    }

    @Test
    void aTaskWithoutRunsSaysSo() {
        CliRun.Result result = cli.execute("status", "Sales/Load Orders");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("no runs yet");
    }
}
