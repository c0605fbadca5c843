package dev.iicsctl.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import dev.iicsctl.cli.TestCatalog;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Linear taskflows (WORKFLOW): their child entries reported as subtasks, each outcome, and their logs. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LinearTaskflowTest extends EmulatorTestBase {

    private static JsonNode only(CliRun.Result result) {
        List<JsonNode> lines = jsonLines(result);
        assertThat(lines).as(result.toString()).hasSize(1);
        return lines.get(0);
    }

    @Test
    void aSuccessfulLinearTaskflowReportsEachChildAsASubtask() {
        CliRun.Result result = runTask("Sales/Nightly");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Sales/Nightly: run 1 SUCCEEDED").contains("  subtasks:\n")
                .contains("    Load Orders (MTT): SUCCEEDED in ")
                .contains("rows: source 800 ok, 0 failed; target 600 ok, 200 failed");

        JsonNode run = only(runTask("Sales/Nightly", "-o", "json"));
        assertThat(run.get("task").get("type").asText()).isEqualTo("WORKFLOW");
        assertThat(run.get("runId").isIntegralNumber()).isTrue();
        assertThat(run.get("subtasks")).singleElement().satisfies(child -> {
            assertThat(child.fieldNames()).toIterable().containsExactly("task", "runId", "state", "startTime",
                    "endTime", "durationSeconds", "rows", "errorMessage", "exitCode");
            assertThat(child.get("task").get("name").asText()).isEqualTo("Load Orders");
            assertThat(child.get("task").get("type").asText()).isEqualTo("MTT");
            assertThat(child.get("runId").isIntegralNumber()).isTrue();
            assertThat(child.get("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(child.get("rows").get("successSource").asLong()).isEqualTo(800);
            assertThat(child.get("durationSeconds").isIntegralNumber()).isTrue();
            assertThat(child.get("exitCode").asInt()).isZero();
        });
    }

    @Test
    void aChildWithWarningsExitsThree() {
        CliRun.Result result = runTask("Sales/Nightly Returns");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).contains("Sales/Nightly Returns: run 1 WARNING")
                .contains("Load Orders (MTT): SUCCEEDED").contains("Load Returns (MTT): WARNING");
        JsonNode run = only(runTask("Sales/Nightly Returns", "-o", "json", "--warning-ok"));
        assertThat(run.get("exitCode").asInt()).isZero();
        assertThat(run.get("subtasks")).extracting(c -> c.get("state").asText()).containsExactly("SUCCEEDED", "WARNING");
        assertThat(run.get("subtasks").get(1).get("exitCode").asInt()).as("--warning-ok applies to children").isZero();
        assertThat(only(runTask("Sales/Nightly Returns", "-o", "json")).get("subtasks").get(1).get("exitCode").asInt())
                .isEqualTo(3);
    }

    @Test
    void aFailedChildExitsOneAndNamesTheChild() {
        CliRun.Result result = runTask("Sales/Nightly Close", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        JsonNode run = only(result);
        assertThat(run.get("state").asText()).isEqualTo("FAILED");
        JsonNode failed = run.get("subtasks").get(1);
        assertThat(failed.get("task").get("name").asText()).isEqualTo("Post Invoices");
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("errorMessage").asText()).isEqualTo("Connection refused");
        assertThat(failed.get("exitCode").asInt()).isEqualTo(1);
        CliRun.Result text = runTask("Sales/Nightly Close");
        assertThat(text.out()).contains("Post Invoices (MTT): FAILED").contains("error: Connection refused");
    }

    @Test
    void aLinearTaskflowStoppedWhileWaitedForExitsFour() throws Exception {
        CompletableFuture<CliRun.Result> waiting = CompletableFuture.supplyAsync(() -> runTask("Sales/Nightly Slow"));
        emulator.awaitRun("Sales/Nightly Slow", TestCatalog.WAIT, "RUNNING");
        assertThat(cli.execute("stop", "Sales/Nightly Slow").exitCode()).isZero();
        CliRun.Result result = waiting.get(30, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.out()).contains("Sales/Nightly Slow: run 1 STOPPED");
    }

    @Test
    void logsHoldTheSessionLogOfEachChild() {
        assertThat(runTask("Sales/Nightly Returns").exitCode()).isEqualTo(3);
        CliRun.Result logs = cli.execute("logs", "Sales/Nightly Returns");
        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        List<String> headers = logs.out().lines().filter(l -> l.startsWith("==> ")).toList();
        assertThat(headers).anyMatch(h -> h.contains("Load_Orders")).anyMatch(h -> h.contains("Load_Returns"));
        assertThat(logs.out()).contains("Load Orders").contains("Load Returns");
    }
}
