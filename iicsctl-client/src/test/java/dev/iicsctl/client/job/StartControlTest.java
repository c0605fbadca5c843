package dev.iicsctl.client.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.StartCancelledException;
import dev.iicsctl.client.StartControl;
import dev.iicsctl.client.StartSettlement;
import dev.iicsctl.client.support.EmulatedIics;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.client.taskflow.TaskflowRun;
import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A caller closes a start at any instant and learns what it became; nothing is sent after that. */
@Timeout(90)
class StartControlTest {

    @RegisterExtension
    static final EmulatedIics IICS = EmulatedIics.withCatalogYaml(TestCatalog.YAML + TestCatalog.TASKFLOWS);

    private static final String START = "POST /saas/api/v2/job";

    private final IicsClient iics = IICS.client();
    private final Emulator emulator = IICS.emulator();
    private TaskRef orders;

    @BeforeEach
    void setUp() {
        orders = iics.tasks().resolve("Sales/Load Orders");
    }

    @Test
    void aStartClosedBeforeItWasSentSendsNothing() {
        StartControl start = StartControl.create();
        assertThat(start.cancel().outcome()).isEqualTo(StartSettlement.Outcome.NOT_SENT);
        assertThatThrownBy(() -> iics.jobs().start(orders, StartOptions.defaults(), start))
                .isInstanceOf(StartCancelledException.class).hasMessageContaining("nothing was started");
        assertThat(emulator.requests().count(START)).isZero();
        assertThat(emulator.runs()).isEmpty();
    }

    @Test
    void aStartClosedWhileItsAnswerIsLateIsSettledToTheRunItCreated() throws Exception {
        emulator.addFault(FaultRule.delay("POST", "/saas/api/v2/job", Duration.ofSeconds(5)).times(1));
        StartControl start = StartControl.create();
        CompletableFuture<RunHandle> run = CompletableFuture.supplyAsync(
                () -> iics.jobs().start(orders, StartOptions.defaults(), start));
        awaitCount(START);
        StartSettlement settled = start.cancel();
        EmulatedRun only = onlyRun();
        assertThat(settled.outcome()).isEqualTo(StartSettlement.Outcome.STARTED);
        assertThat(settled.runId()).isEqualTo(only.runId());
        assertThat(settled.task().id()).isNotNull();
        assertThat(run.get(60, TimeUnit.SECONDS).runId()).isEqualTo(only.jobRunId());
        assertThat(emulator.requests().count(START)).isEqualTo(1);
    }

    @Test
    void aClosedStartThatDidNotHappenIsNotSentAgain() throws Exception {
        emulator.addFault(FaultRule.dropBefore("POST", "/saas/api/v2/job").delay(Duration.ofSeconds(1)).times(1));
        StartControl start = StartControl.create();
        CompletableFuture<RunHandle> run = CompletableFuture.supplyAsync(
                () -> iics.jobs().start(orders, StartOptions.defaults(), start));
        awaitCount(START);
        assertThat(start.cancel().outcome()).isEqualTo(StartSettlement.Outcome.NOT_STARTED);
        assertThatThrownBy(() -> run.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(StartCancelledException.class);
        assertThat(emulator.requests().count(START)).isEqualTo(1);
        assertThat(emulator.runs()).isEmpty();
    }

    @Test
    void aTaskflowRunClosedWhileInFlightIsSettledToItsRun() throws Exception {
        TaskRef tf = iics.tasks().resolve("Orchestration/Orchestrate Sales", TaskType.TASKFLOW);
        emulator.addFault(FaultRule.dropAfter("POST", "/active-bpel/rt/Orchestrate_Sales").delay(Duration.ofSeconds(2))
                .times(1));
        StartControl start = StartControl.create();
        CompletableFuture<TaskflowRun> run = CompletableFuture.supplyAsync(
                () -> iics.taskflows().start(tf, null, Map.of(), start));
        awaitCount("POST /active-bpel/rt/{apiName}");
        StartSettlement settled = start.cancel();
        assertThat(settled.outcome()).isEqualTo(StartSettlement.Outcome.STARTED);
        assertThat(settled.runId()).isEqualTo(onlyRun().runId());
        assertThat(run.get(60, TimeUnit.SECONDS).runId()).isEqualTo(settled.runId());
        assertThat(emulator.requests().count("POST /active-bpel/rt/{apiName}")).isEqualTo(1);
    }

    private void awaitCount(String route) throws InterruptedException {
        while (emulator.requests().count(route) == 0) {
            Thread.sleep(20);
        }
    }

    private EmulatedRun onlyRun() {
        List<EmulatedRun> runs = emulator.runs();
        assertThat(runs).as("runs on the emulator").hasSize(1);
        return runs.get(0);
    }
}
