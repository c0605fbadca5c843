package dev.iicsctl.client.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.support.ControlApi;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.support.VirtualTime;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The start request is never retried blindly: each fault leads to exactly one run, and the client finds it. */
@Timeout(90)
class AtMostOnceStartTest {

    private static final VirtualTime TIME = VirtualTime.startingNow();

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.with(TIME.emulator(TestCatalog.YAML));

    private static final String START = "POST /saas/api/v2/job";
    private static final String ORDERS = "Sales/Load Orders";

    private final List<String> trace = new CopyOnWriteArrayList<>();
    private IicsClient iics;
    private ControlApi control;
    private TaskRef orders;

    @BeforeEach
    void setUp() {
        iics = TIME.drive(TestCatalog.client(EMULATOR.get().loginUrl())).traceListener(trace::add).build();
        control = new ControlApi(EMULATOR.get().loginUrl());
        orders = iics.tasks().resolve(ORDERS);
    }

    @AfterEach
    void tearDown() {
        iics.close();
    }

    @Test
    void connectionDroppedAfterTheJobStartedGivesTheOneRun() {
        control.fault("{'method':'POST','path':'/saas/api/v2/job','times':1,'action':'drop-after'}");
        RunHandle run = iics.jobs().start(orders);
        JsonNode only = onlyRun();
        assertThat(run.runId()).isEqualTo(only.path("runId").asLong());
        assertThat(run.startedByClient()).isTrue();
        assertThat(control.count(START)).isEqualTo(1);
        assertThat(iics.jobs().await(run, Duration.ofSeconds(30)).state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(control.runs()).hasSize(1);
    }

    @Test
    void connectionDroppedBeforeTheServerActedIsSentAgainOnce() {
        control.fault("{'method':'POST','path':'/saas/api/v2/job','times':1,'action':'drop-before'}");
        RunHandle run = iics.jobs().start(orders);
        assertThat(run.runId()).isEqualTo(onlyRun().path("runId").asLong());
        assertThat(control.count(START)).isEqualTo(2);
    }

    @Test
    void a429IsSentAgainAfterTheBackoffItAsksFor() {
        control.fault("{'method':'POST','path':'/saas/api/v2/job','times':2,'action':'status','status':429,"
                + "'retryAfterSeconds':1}");
        RunHandle run = iics.jobs().start(orders);
        assertThat(run.runId()).isEqualTo(onlyRun().path("runId").asLong());
        assertThat(control.count(START)).isEqualTo(3);
        // The test policy caps waits at 2 x 100 ms: the Retry-After of 1 s is taken, then capped.
        assertThat(trace).filteredOn(l -> l.contains("HTTP 429 on the start"))
                .hasSize(2).allSatisfy(l -> assertThat(l).contains("in 200 ms (Retry-After)"));
    }

    @Test
    void ambiguous503IsReconciledBeforeSendingAgain() {
        control.fault("{'method':'POST','path':'/saas/api/v2/job','times':1,'action':'status','status':503,"
                + "'contentType':'text/html','body':'<html><body>Service Unavailable</body></html>'}");
        RunHandle run = iics.jobs().start(orders);
        assertThat(run.runId()).isEqualTo(onlyRun().path("runId").asLong());
        assertThat(control.count(START)).isEqualTo(2);
    }

    @Test
    void garbledSuccessAnswerIsReconciledToTheRunItStarted() {
        control.fault("{'method':'POST','path':'/saas/api/v2/job','times':1,'action':'malformed'}");
        RunHandle run = iics.jobs().start(orders);
        assertThat(run.runId()).isEqualTo(onlyRun().path("runId").asLong());
        assertThat(control.count(START)).isEqualTo(1);
    }

    @Test
    void anEarlierRunOfTheSameTaskIsNotMistakenForTheNewOne() {
        RunHandle first = iics.jobs().start(orders);
        iics.jobs().await(first, Duration.ofSeconds(30));
        control.fault("{'method':'POST','path':'/saas/api/v2/job','times':1,'action':'drop-after'}");
        RunHandle second = iics.jobs().start(orders);
        List<JsonNode> runs = control.runs();
        assertThat(runs).hasSize(2);
        assertThat(second.runId()).isEqualTo(runs.get(1).path("runId").asLong()).isNotEqualTo(first.runId());
    }

    @Test
    void whenIicsCannotBeCheckedTheStartIsNotSentAgain() {
        control.fault("{'method':'POST','path':'/saas/api/v2/job','times':1,'action':'drop-after'}");
        control.fault("{'method':'GET','path':'/saas/api/v2/activity/*','action':'status','status':500,"
                + "'contentType':'application/json','body':'{\\'code\\':\\'X\\',\\'description\\':\\'down\\'}'}");
        assertThatThrownBy(() -> iics.jobs().start(orders, StartOptions.defaults().withIfRunning(IfRunning.START)))
                .isInstanceOf(IicsConnectionException.class)
                .hasMessageContaining("activity monitor")
                .satisfies(e -> assertThat(((IicsConnectionException) e).outcomeUnknown()).isTrue());
        assertThat(control.count(START)).isEqualTo(1);
        assertThat(control.runs()).hasSize(1);
    }

    @Test
    void aStartOnAnExpiredSessionLogsInOnceAndStartsOnce() {
        iics.auth().session();
        control.expireSessions();
        // START skips the monitor check, so the start itself meets the 401: refused, hence safe to resend.
        RunHandle run = iics.jobs().start(orders, StartOptions.defaults().withIfRunning(IfRunning.START));
        assertThat(run.runId()).isEqualTo(onlyRun().path("runId").asLong());
        assertThat(control.count("POST /ma/api/v2/user/login")).isEqualTo(2);
        assertThat(control.count(START)).isEqualTo(2);
    }

    private JsonNode onlyRun() {
        List<JsonNode> runs = control.runs();
        assertThat(runs).as("runs on the emulator").hasSize(1);
        assertThat(runs.get(0).path("taskPath").asText()).isEqualTo(ORDERS);
        return runs.get(0);
    }
}
