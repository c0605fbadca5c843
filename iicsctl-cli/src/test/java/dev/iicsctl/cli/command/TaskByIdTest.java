package dev.iicsctl.cli.command;

import static dev.iicsctl.cli.TestCatalog.runsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import dev.iicsctl.emulator.fault.FaultRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every command path for a task known only by its v2 id or its federated id: the entries of the activity monitor
 * and log carry the id and the name, the task reference carries only the id, and nothing may need the name.
 */
class TaskByIdTest extends EmulatorTestBase {

    private static final String ORDERS_ID = "0100000Z00000000001N";
    private static final String ORDERS_FEDERATED_ID = "4JzMQBmn5YWbX1CCECivWK";

    private String idOf(String path) {
        return emulator.catalog().taskByPath(path).orElseThrow().id();
    }

    private String federatedIdOf(String path) {
        return emulator.catalog().taskByPath(path).orElseThrow().federatedId();
    }

    private CliRun.Result iicsctl(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--poll", "100ms"));
        return cli.execute(all.toArray(String[]::new));
    }

    @Test
    void aLostStartAnswerOfATaskNamedByIdIsReconciledAndStartsOnce() {
        emulator.addFault(FaultRule.dropAfter("POST", "/saas/api/v2/job").times(1));
        CliRun.Result result = iicsctl("run", "--id", ORDERS_ID, "-t", "MTT");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("run 1 SUCCEEDED");
        assertThat(result.err()).doesNotContain("Exception");
        assertThat(runsOf(emulator, "Sales/Load Orders")).hasSize(1);
    }

    @Test
    void aGarbledStartAnswerOfATaskNamedByIdIsReconciledAndStartsOnce() {
        emulator.addFault(FaultRule.malformed("POST", "/saas/api/v2/job").times(1));
        CliRun.Result result = iicsctl("run", "--id", ORDERS_ID, "-t", "MTT", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(jsonLines(result).get(0).get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(runsOf(emulator, "Sales/Load Orders")).hasSize(1);
    }

    @Test
    void aLostStartAnswerOfATaskNamedByFederatedIdIsReconciledAndStartsOnce() {
        emulator.addFault(FaultRule.dropAfter("POST", "/saas/api/v2/job").times(1));
        CliRun.Result result = iicsctl("run", "--federated-id", ORDERS_FEDERATED_ID);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(runsOf(emulator, "Sales/Load Orders")).hasSize(1);
    }

    @Test
    void ifRunningAttachFollowsTheRunOfATaskNamedById() throws Exception {
        startElsewhere("Sales/Long Load");
        CliRun.Result result = iicsctl("run", "--id", idOf("Sales/Long Load"), "-t", "MTT", "--if-running", "attach",
                "--timeout", "1s", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(jsonLines(result).get(0).get("runId").asLong()).isEqualTo(1);
        assertThat(result.err()).contains("following run 1").doesNotContain("Exception");
        assertThat(runsOf(emulator, "Sales/Long Load")).hasSize(1);
    }

    @Test
    void ifRunningWaitWaitsForTheRunOfATaskNamedById() throws Exception {
        startElsewhere("Sales/Load Orders");
        CliRun.Result result = iicsctl("run", "--id", ORDERS_ID, "-t", "MTT", "--if-running", "wait", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(jsonLines(result).get(0).get("runId").asLong()).isEqualTo(2);
        assertThat(runsOf(emulator, "Sales/Load Orders")).hasSize(2);
    }

    @Test
    void statusOfATaskNamedByIdShowsItsRunningAndFinishedRuns() throws Exception {
        startElsewhere("Sales/Long Load");
        CliRun.Result running = cli.execute("status", "--id", idOf("Sales/Long Load"), "-t", "MTT", "-o", "json");
        assertThat(running.exitCode()).as(running.toString()).isZero();
        assertThat(jsonLines(running).get(0).get("state").asText()).isIn("QUEUED", "RUNNING");

        assertThat(iicsctl("run", "--id", ORDERS_ID, "-t", "MTT").exitCode()).isZero();
        CliRun.Result finished = cli.execute("status", "--id", ORDERS_ID, "-t", "MTT", "-o", "json");
        assertThat(finished.exitCode()).as(finished.toString()).isZero();
        JsonNode run = jsonLines(finished).get(0);
        assertThat(run.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.get("task").get("id").asText()).isEqualTo(ORDERS_ID);
        CliRun.Result given = cli.execute("status", "--id", ORDERS_ID, "-t", "MTT", "--run-id", "1");
        assertThat(given.exitCode()).as(given.toString()).isZero();
        assertThat(given.out()).contains("run 1 SUCCEEDED");
    }

    @Test
    void stopAndWaitOfATaskNamedByIdReportsTheStoppedRun() throws Exception {
        startElsewhere("Sales/Long Load");
        CliRun.Result result = iicsctl("stop", "--id", idOf("Sales/Long Load"), "-t", "MTT", "--wait", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(jsonLines(result).get(0).get("state").asText()).isEqualTo("STOPPED");
        assertThat(runsOf(emulator, "Sales/Long Load").get(0).state()).isEqualTo("STOPPED");
    }

    @Test
    void stopAndWaitOfATaskNamedByFederatedIdReportsTheStoppedRun() throws Exception {
        startElsewhere("Sales/Long Load");
        CliRun.Result result = iicsctl("stop", "--federated-id", federatedIdOf("Sales/Long Load"), "--wait",
                "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(jsonLines(result).get(0).get("state").asText()).isEqualTo("STOPPED");
    }

    @Test
    void statusAndStopOfATaskNamedByIdInTextOutput() throws Exception {
        startElsewhere("Sales/Long Load");
        String id = idOf("Sales/Long Load");
        CliRun.Result status = cli.execute("status", "--id", id, "-t", "MTT");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("run 1");
        CliRun.Result stop = iicsctl("stop", "--id", id, "-t", "MTT", "--wait");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).contains("run 1 STOPPED");
        assertThat(stop.err()).doesNotContain("Exception");
    }

    @Test
    void historyAndLogsOfATaskNamedById() {
        assertThat(iicsctl("run", "--id", ORDERS_ID, "-t", "MTT").exitCode()).isZero();
        CliRun.Result history = cli.execute("history", "--id", ORDERS_ID, "-t", "MTT", "-o", "json");
        assertThat(history.exitCode()).as(history.toString()).isZero();
        assertThat(jsonLines(history)).hasSize(1);
        assertThat(jsonLines(history).get(0).get("state").asText()).isEqualTo("SUCCEEDED");
        CliRun.Result logs = cli.execute("logs", "--id", ORDERS_ID, "-t", "MTT");
        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        assertThat(logs.out()).isNotBlank();
    }

    @Test
    void aTaskflowNamedByFederatedIdRunsAndShowsItsStatusAndHistory() {
        String flow = emulator.catalog().taskflowByPath("Orchestration/Flow").orElseThrow().federatedId();
        CliRun.Result run = iicsctl("run", "--federated-id", flow, "-o", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        CliRun.Result status = cli.execute("status", "--federated-id", flow, "-o", "json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(jsonLines(status).get(0).get("state").asText()).isEqualTo("SUCCEEDED");
        CliRun.Result history = cli.execute("history", "--federated-id", flow, "-o", "json");
        assertThat(history.exitCode()).as(history.toString()).isZero();
        assertThat(jsonLines(history)).hasSize(1);
    }
}
