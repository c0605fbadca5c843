package dev.iicsctl.client.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.support.EmulatedIics;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.support.VirtualTime;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The start request is never retried blindly: each fault leads to exactly one run, and the client finds it. */
@Timeout(90)
class AtMostOnceStartTest {

    private static final VirtualTime TIME = VirtualTime.startingNow();

    @RegisterExtension
    static final EmulatedIics IICS = EmulatedIics.onVirtualTime(TIME, TestCatalog.YAML);

    private static final String START = "POST /saas/api/v2/job";
    private static final String ORDERS = "Sales/Load Orders";

    private final Emulator emulator = IICS.emulator();
    private final IicsClient iics = IICS.client();
    private final List<String> trace = IICS.trace();
    private TaskRef orders;

    @BeforeEach
    void setUp() {
        orders = iics.tasks().resolve(ORDERS);
    }

    @Test
    void connectionDroppedAfterTheJobStartedGivesTheOneRun() {
        emulator.addFault(FaultRule.dropAfter("POST", "/saas/api/v2/job").times(1));
        RunHandle run = iics.jobs().start(orders);
        EmulatedRun only = onlyRun();
        assertThat(run.runId()).isEqualTo(only.jobRunId());
        assertThat(run.startedByClient()).isTrue();
        assertThat(emulator.requests().count(START)).isEqualTo(1);
        assertThat(iics.jobs().await(run, Duration.ofSeconds(30)).state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(emulator.runs()).hasSize(1);
    }

    @Test
    void connectionDroppedBeforeTheServerActedIsSentAgainOnce() {
        emulator.addFault(FaultRule.dropBefore("POST", "/saas/api/v2/job").times(1));
        RunHandle run = iics.jobs().start(orders);
        assertThat(run.runId()).isEqualTo(onlyRun().jobRunId());
        assertThat(emulator.requests().count(START)).isEqualTo(2);
    }

    @Test
    void a429IsSentAgainAfterTheBackoffItAsksFor() {
        emulator.addFault(FaultRule.status("POST", "/saas/api/v2/job", 429).retryAfterSeconds(1).times(2));
        RunHandle run = iics.jobs().start(orders);
        assertThat(run.runId()).isEqualTo(onlyRun().jobRunId());
        assertThat(emulator.requests().count(START)).isEqualTo(3);
        // The test policy caps waits at 2 x 100 ms: the Retry-After of 1 s is taken, then capped.
        assertThat(trace).filteredOn(l -> l.contains("HTTP 429 on the start"))
                .hasSize(2).allSatisfy(l -> assertThat(l).contains("in 200 ms (Retry-After)"));
    }

    @Test
    void ambiguous503IsReconciledBeforeSendingAgain() {
        emulator.addFault(FaultRule.status("POST", "/saas/api/v2/job", 503,
                "text/html", "<html><body>Service Unavailable</body></html>").times(1));
        RunHandle run = iics.jobs().start(orders);
        assertThat(run.runId()).isEqualTo(onlyRun().jobRunId());
        assertThat(emulator.requests().count(START)).isEqualTo(2);
    }

    @Test
    void garbledSuccessAnswerIsReconciledToTheRunItStarted() {
        emulator.addFault(FaultRule.malformed("POST", "/saas/api/v2/job").times(1));
        RunHandle run = iics.jobs().start(orders);
        assertThat(run.runId()).isEqualTo(onlyRun().jobRunId());
        assertThat(emulator.requests().count(START)).isEqualTo(1);
    }

    @Test
    void anEarlierRunOfTheSameTaskIsNotMistakenForTheNewOne() {
        RunHandle first = iics.jobs().start(orders);
        iics.jobs().await(first, Duration.ofSeconds(30));
        emulator.addFault(FaultRule.dropAfter("POST", "/saas/api/v2/job").times(1));
        RunHandle second = iics.jobs().start(orders);
        List<EmulatedRun> runs = emulator.runs();
        assertThat(runs).hasSize(2);
        assertThat(second.runId()).isEqualTo(runs.get(1).jobRunId()).isNotEqualTo(first.runId());
    }

    @Test
    void whenIicsCannotBeCheckedTheStartIsNotSentAgain() {
        emulator.addFault(FaultRule.dropAfter("POST", "/saas/api/v2/job").times(1));
        emulator.addFault(FaultRule.status("GET", "/saas/api/v2/activity/*", 500,
                "application/json", "{\"code\":\"X\",\"description\":\"down\"}"));
        assertThatThrownBy(() -> iics.jobs().start(orders, StartOptions.defaults().withIfRunning(IfRunning.START)))
                .isInstanceOf(IicsConnectionException.class)
                .hasMessageContaining("activity monitor")
                .satisfies(e -> assertThat(((IicsConnectionException) e).outcomeUnknown()).isTrue());
        assertThat(emulator.requests().count(START)).isEqualTo(1);
        assertThat(emulator.runs()).hasSize(1);
    }

    @Test
    void aStartOnAnExpiredSessionLogsInOnceAndStartsOnce() {
        iics.auth().session();
        emulator.expireSessions();
        // START skips the monitor check, so the start itself meets the 401: refused, hence safe to resend.
        RunHandle run = iics.jobs().start(orders, StartOptions.defaults().withIfRunning(IfRunning.START));
        assertThat(run.runId()).isEqualTo(onlyRun().jobRunId());
        assertThat(emulator.requests().count("POST /ma/api/v2/user/login")).isEqualTo(2);
        assertThat(emulator.requests().count(START)).isEqualTo(2);
    }

    private EmulatedRun onlyRun() {
        List<EmulatedRun> runs = emulator.runs();
        assertThat(runs).as("runs on the emulator").hasSize(1);
        assertThat(runs.get(0).taskPath()).isEqualTo(ORDERS);
        return runs.get(0);
    }
}
