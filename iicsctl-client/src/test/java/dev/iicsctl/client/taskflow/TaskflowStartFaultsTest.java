package dev.iicsctl.client.taskflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsApiException;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.support.EmulatedIics;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.RecordedRequest;
import dev.iicsctl.emulator.fault.FaultRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The run request of a taskflow goes through the same start engine as a job start: each fault of the request
 * leads to exactly one run (or, when nothing started, to none), and the emulator's runs are the ground truth.
 */
@Timeout(90)
class TaskflowStartFaultsTest {

    @RegisterExtension
    static final EmulatedIics IICS = EmulatedIics.withCatalogYaml(TestCatalog.YAML + TestCatalog.TASKFLOWS);

    private static final String RUN_PATH = "/active-bpel/rt/Orchestrate_Sales";
    private static final String RUN = "POST /active-bpel/rt/{apiName}";

    private final List<String> trace = IICS.trace();
    private final IicsClient iics = IICS.client();
    private final Emulator emulator = IICS.emulator();
    private TaskRef sales;

    @BeforeEach
    void setUp() {
        sales = iics.tasks().resolve("Orchestration/Orchestrate Sales", TaskType.TASKFLOW);
    }

    @Test
    void aConnectionDroppedAfterTheRunStartedGivesTheOneRun() {
        emulator.addFault(FaultRule.dropAfter("POST", RUN_PATH).times(1));
        TaskflowRun run = iics.taskflows().start(sales, Map.of());
        assertThat(onlyRun().runId()).isEqualTo(run.runId());
        assertThat(run.startedByClient()).isTrue();
        assertThat(emulator.requests().count(RUN)).isEqualTo(1);
    }

    @Test
    void aConnectionDroppedBeforeIicsActedIsSentAgainOnce() {
        emulator.addFault(FaultRule.dropBefore("POST", RUN_PATH).times(1));
        TaskflowRun run = iics.taskflows().start(sales, Map.of());
        assertThat(onlyRun().runId()).isEqualTo(run.runId());
        assertThat(emulator.requests().count(RUN)).isEqualTo(2);
    }

    @Test
    void a429IsSentAgainAfterTheBackoffItAsksFor() {
        emulator.addFault(FaultRule.status("POST", RUN_PATH, 429).retryAfterSeconds(1).times(2));
        TaskflowRun run = iics.taskflows().start(sales, Map.of());
        assertThat(onlyRun().runId()).isEqualTo(run.runId());
        assertThat(emulator.requests().count(RUN)).isEqualTo(3);
        // The test policy caps waits at 2 x 100 ms: the Retry-After of 1 s is taken, then capped.
        assertThat(trace).filteredOn(l -> l.contains("HTTP 429") && l.contains("start"))
                .hasSize(2).allSatisfy(l -> assertThat(l).contains("in 200 ms (Retry-After)"));
        List<Instant> sent = sendTimes();
        assertThat(sent).hasSize(3);
        for (int i = 1; i < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i - 1), sent.get(i))).as("pause before send " + (i + 1))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(190));
        }
    }

    @Test
    void a429OnEverySendIsATypedRefusalAndNothingStarted() {
        emulator.addFault(FaultRule.status("POST", RUN_PATH, 429));
        assertThatThrownBy(() -> iics.taskflows().start(sales, Map.of()))
                .isInstanceOfSatisfying(IicsApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(429));
        assertThat(emulator.requests().count(RUN)).isEqualTo(4);
        assertThat(taskflowRuns()).isEmpty();
    }

    @Test
    void anAmbiguous503IsReconciledBeforeSendingAgain() {
        emulator.addFault(FaultRule.status("POST", RUN_PATH, 503,
                "text/html", "<html><body>Service Unavailable</body></html>").times(1));
        TaskflowRun run = iics.taskflows().start(sales, Map.of());
        assertThat(onlyRun().runId()).isEqualTo(run.runId());
        assertThat(emulator.requests().count(RUN)).isEqualTo(2);
        assertThat(trace).anySatisfy(l -> assertThat(l).contains("unknown outcome"));
    }

    @Test
    void aGarbledSuccessAnswerIsReconciledToTheRunItStarted() {
        emulator.addFault(FaultRule.malformed("POST", RUN_PATH).times(1));
        TaskflowRun run = iics.taskflows().start(sales, Map.of());
        assertThat(onlyRun().runId()).isEqualTo(run.runId());
        assertThat(emulator.requests().count(RUN)).isEqualTo(1);
    }

    @Test
    void anAnswerLaterThanTheReadTimeoutIsReconciledToTheRunItStarted() {
        try (IicsClient impatient = TestCatalog.client(emulator.loginUrl())
                .readTimeout(Duration.ofMillis(500)).build()) {
            TaskRef tf = impatient.tasks().resolve("Orchestration/Orchestrate Sales", TaskType.TASKFLOW);
            emulator.addFault(FaultRule.delay("POST", RUN_PATH, Duration.ofSeconds(3)).times(1));
            TaskflowRun run = impatient.taskflows().start(tf, Map.of());
            assertThat(onlyRun().runId()).isEqualTo(run.runId());
            assertThat(emulator.requests().count(RUN)).isEqualTo(1);
        }
    }

    @Test
    void anEarlierRunOfTheSameTaskflowIsNotMistakenForTheNewOne() {
        TaskflowRun first = iics.taskflows().start(sales, Map.of());
        emulator.addFault(FaultRule.dropAfter("POST", RUN_PATH).times(1));
        TaskflowRun second = iics.taskflows().start(sales, Map.of());
        List<EmulatedRun> runs = taskflowRuns();
        assertThat(runs).hasSize(2);
        assertThat(second.runId()).isNotEqualTo(first.runId())
                .isIn(runs.stream().map(r -> r.runId()).toList());
        assertThat(emulator.requests().count(RUN)).isEqualTo(2);
    }

    @Test
    void whenIicsCannotBeCheckedTheRunIsNotSentAgain() {
        emulator.addFault(FaultRule.dropAfter("POST", RUN_PATH).times(1));
        emulator.addFault(FaultRule.status("GET", "/active-bpel/services/tf/status", 500));
        assertThatThrownBy(() -> iics.taskflows().start(sales, Map.of()))
                .isInstanceOfSatisfying(IicsConnectionException.class,
                        e -> assertThat(e.outcomeUnknown()).isTrue())
                .hasMessageContaining("may or may not");
        assertThat(emulator.requests().count(RUN)).isEqualTo(1);
        assertThat(taskflowRuns()).hasSize(1);
    }

    @Test
    void aRunOnAnExpiredSessionLogsInOnceAndStartsOnce() {
        iics.auth().session();
        emulator.expireSessions();
        TaskflowRun run = iics.taskflows().start(sales, Map.of());
        assertThat(onlyRun().runId()).isEqualTo(run.runId());
        assertThat(emulator.requests().count("POST /ma/api/v2/user/login")).isEqualTo(2);
        assertThat(emulator.requests().count(RUN)).isEqualTo(2);
    }

    private List<Instant> sendTimes() {
        List<Instant> times = new java.util.ArrayList<>();
        for (RecordedRequest r : emulator.requests().recent()) {
            if ("POST".equals(r.method()) && RUN_PATH.equals(r.path())) {
                times.add(r.time());
            }
        }
        return times;
    }

    private List<EmulatedRun> taskflowRuns() {
        return emulator.runs().stream().filter(r -> "taskflow".equals(r.kind())).toList();
    }

    private EmulatedRun onlyRun() {
        List<EmulatedRun> runs = taskflowRuns();
        assertThat(runs).as("taskflow runs on the emulator").hasSize(1);
        return runs.get(0);
    }
}
