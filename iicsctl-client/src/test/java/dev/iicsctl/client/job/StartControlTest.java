package dev.iicsctl.client.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.StartCancelledException;
import dev.iicsctl.client.StartControl;
import dev.iicsctl.client.StartSettlement;
import dev.iicsctl.client.support.ControlApi;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.client.taskflow.TaskflowRun;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A caller closes a start at any instant and learns what it became; nothing is sent after that. */
@Timeout(90)
class StartControlTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR =
            EmulatorExtension.withCatalogYaml(TestCatalog.YAML + TestCatalog.TASKFLOWS);

    private static final String START = "POST /saas/api/v2/job";

    private IicsClient iics;
    private ControlApi control;
    private TaskRef orders;

    @BeforeEach
    void setUp() {
        iics = TestCatalog.client(EMULATOR.get().loginUrl()).build();
        control = new ControlApi(EMULATOR.get().loginUrl());
        orders = iics.tasks().resolve("Sales/Load Orders");
    }

    @AfterEach
    void tearDown() {
        iics.close();
    }

    @Test
    void aStartClosedBeforeItWasSentSendsNothing() {
        StartControl start = StartControl.create();
        assertThat(start.cancel().outcome()).isEqualTo(StartSettlement.Outcome.NOT_SENT);
        assertThatThrownBy(() -> iics.jobs().start(orders, StartOptions.defaults(), start))
                .isInstanceOf(StartCancelledException.class).hasMessageContaining("nothing was started");
        assertThat(control.count(START)).isZero();
        assertThat(control.runs()).isEmpty();
    }

    @Test
    void aStartClosedWhileItsAnswerIsLateIsSettledToTheRunItCreated() throws Exception {
        control.fault("{'method':'POST','path':'/saas/api/v2/job','times':1,'action':'delay','delay':'5s'}");
        StartControl start = StartControl.create();
        CompletableFuture<RunHandle> run = CompletableFuture.supplyAsync(
                () -> iics.jobs().start(orders, StartOptions.defaults(), start));
        awaitCount(START);
        StartSettlement settled = start.cancel();
        JsonNode only = onlyRun();
        assertThat(settled.outcome()).isEqualTo(StartSettlement.Outcome.STARTED);
        assertThat(settled.runId()).isEqualTo(only.path("runId").asText());
        assertThat(settled.task().id()).isNotNull();
        assertThat(run.get(60, TimeUnit.SECONDS).runId()).isEqualTo(only.path("runId").asLong());
        assertThat(control.count(START)).isEqualTo(1);
    }

    @Test
    void aClosedStartThatDidNotHappenIsNotSentAgain() throws Exception {
        control.fault("{'method':'POST','path':'/saas/api/v2/job','times':1,'action':'drop-before','delay':'1s'}");
        StartControl start = StartControl.create();
        CompletableFuture<RunHandle> run = CompletableFuture.supplyAsync(
                () -> iics.jobs().start(orders, StartOptions.defaults(), start));
        awaitCount(START);
        assertThat(start.cancel().outcome()).isEqualTo(StartSettlement.Outcome.NOT_STARTED);
        assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(StartCancelledException.class);
        assertThat(control.count(START)).isEqualTo(1);
        assertThat(control.runs()).isEmpty();
    }

    @Test
    void aTaskflowRunClosedWhileInFlightIsSettledToItsRun() throws Exception {
        TaskRef tf = iics.tasks().resolve("Orchestration/Orchestrate Sales", TaskType.TASKFLOW);
        control.fault("{'method':'POST','path':'/active-bpel/rt/Orchestrate_Sales','times':1,'action':'drop-after',"
                + "'delay':'2s'}");
        StartControl start = StartControl.create();
        CompletableFuture<TaskflowRun> run = CompletableFuture.supplyAsync(
                () -> iics.taskflows().start(tf, null, Map.of(), start));
        awaitCount("POST /active-bpel/rt/{apiName}");
        StartSettlement settled = start.cancel();
        assertThat(settled.outcome()).isEqualTo(StartSettlement.Outcome.STARTED);
        assertThat(settled.runId()).isEqualTo(onlyRun().path("runId").asText());
        assertThat(run.get(60, TimeUnit.SECONDS).runId()).isEqualTo(settled.runId());
        assertThat(control.count("POST /active-bpel/rt/{apiName}")).isEqualTo(1);
    }

    private void awaitCount(String route) throws InterruptedException {
        while (control.count(route) == 0) {
            Thread.sleep(20);
        }
    }

    private JsonNode onlyRun() {
        List<JsonNode> runs = control.runs();
        assertThat(runs).as("runs on the emulator").hasSize(1);
        return runs.get(0);
    }
}
