package dev.iicsctl.client.taskflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.client.IicsApiException;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.support.ControlApi;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
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
    static final EmulatorExtension EMULATOR =
            EmulatorExtension.withCatalogYaml(TestCatalog.YAML + TestCatalog.TASKFLOWS);

    private static final String RUN_PATH = "/active-bpel/rt/Orchestrate_Sales";
    private static final String RUN = "POST /active-bpel/rt/{apiName}";

    private final List<String> trace = new CopyOnWriteArrayList<>();
    private IicsClient iics;
    private ControlApi control;
    private TaskRef sales;

    @BeforeEach
    void setUp() {
        iics = TestCatalog.client(EMULATOR.get().loginUrl()).traceListener(trace::add).build();
        control = new ControlApi(EMULATOR.get().loginUrl());
        sales = iics.tasks().resolve("Orchestration/Orchestrate Sales", TaskType.TASKFLOW);
    }

    @AfterEach
    void tearDown() {
        iics.close();
    }

    private void fault(String rule) {
        control.fault("{'method':'POST','path':'" + RUN_PATH + "'," + rule + "}");
    }

    @Test
    void aConnectionDroppedAfterTheRunStartedGivesTheOneRun() {
        fault("'times':1,'action':'drop-after'");
        TaskflowRun run = iics.taskflows().start(sales, Map.of());
        assertThat(onlyRun().path("runId").asText()).isEqualTo(run.runId());
        assertThat(run.startedByClient()).isTrue();
        assertThat(control.count(RUN)).isEqualTo(1);
    }

    @Test
    void aConnectionDroppedBeforeIicsActedIsSentAgainOnce() {
        fault("'times':1,'action':'drop-before'");
        TaskflowRun run = iics.taskflows().start(sales, Map.of());
        assertThat(onlyRun().path("runId").asText()).isEqualTo(run.runId());
        assertThat(control.count(RUN)).isEqualTo(2);
    }

    @Test
    void a429IsSentAgainAfterTheBackoffItAsksFor() {
        fault("'times':2,'action':'status','status':429,'retryAfterSeconds':1");
        TaskflowRun run = iics.taskflows().start(sales, Map.of());
        assertThat(onlyRun().path("runId").asText()).isEqualTo(run.runId());
        assertThat(control.count(RUN)).isEqualTo(3);
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
        fault("'action':'status','status':429");
        assertThatThrownBy(() -> iics.taskflows().start(sales, Map.of()))
                .isInstanceOfSatisfying(IicsApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(429));
        assertThat(control.count(RUN)).isEqualTo(4);
        assertThat(taskflowRuns()).isEmpty();
    }

    @Test
    void anAmbiguous503IsReconciledBeforeSendingAgain() {
        fault("'times':1,'action':'status','status':503,'contentType':'text/html',"
                + "'body':'<html><body>Service Unavailable</body></html>'");
        TaskflowRun run = iics.taskflows().start(sales, Map.of());
        assertThat(onlyRun().path("runId").asText()).isEqualTo(run.runId());
        assertThat(control.count(RUN)).isEqualTo(2);
        assertThat(trace).anySatisfy(l -> assertThat(l).contains("unknown outcome"));
    }

    @Test
    void aGarbledSuccessAnswerIsReconciledToTheRunItStarted() {
        fault("'times':1,'action':'malformed'");
        TaskflowRun run = iics.taskflows().start(sales, Map.of());
        assertThat(onlyRun().path("runId").asText()).isEqualTo(run.runId());
        assertThat(control.count(RUN)).isEqualTo(1);
    }

    @Test
    void anAnswerLaterThanTheReadTimeoutIsReconciledToTheRunItStarted() {
        try (IicsClient impatient = TestCatalog.client(EMULATOR.get().loginUrl())
                .readTimeout(Duration.ofMillis(500)).build()) {
            TaskRef tf = impatient.tasks().resolve("Orchestration/Orchestrate Sales", TaskType.TASKFLOW);
            fault("'times':1,'action':'delay','delay':'3s'");
            TaskflowRun run = impatient.taskflows().start(tf, Map.of());
            assertThat(onlyRun().path("runId").asText()).isEqualTo(run.runId());
            assertThat(control.count(RUN)).isEqualTo(1);
        }
    }

    @Test
    void anEarlierRunOfTheSameTaskflowIsNotMistakenForTheNewOne() {
        TaskflowRun first = iics.taskflows().start(sales, Map.of());
        fault("'times':1,'action':'drop-after'");
        TaskflowRun second = iics.taskflows().start(sales, Map.of());
        List<JsonNode> runs = taskflowRuns();
        assertThat(runs).hasSize(2);
        assertThat(second.runId()).isNotEqualTo(first.runId())
                .isIn(runs.stream().map(r -> r.path("runId").asText()).toList());
        assertThat(control.count(RUN)).isEqualTo(2);
    }

    @Test
    void whenIicsCannotBeCheckedTheRunIsNotSentAgain() {
        fault("'times':1,'action':'drop-after'");
        control.fault("{'method':'GET','path':'/active-bpel/services/tf/status','action':'status','status':500}");
        assertThatThrownBy(() -> iics.taskflows().start(sales, Map.of()))
                .isInstanceOfSatisfying(IicsConnectionException.class,
                        e -> assertThat(e.outcomeUnknown()).isTrue())
                .hasMessageContaining("may or may not");
        assertThat(control.count(RUN)).isEqualTo(1);
        assertThat(taskflowRuns()).hasSize(1);
    }

    @Test
    void aRunOnAnExpiredSessionLogsInOnceAndStartsOnce() {
        iics.auth().session();
        control.expireSessions();
        TaskflowRun run = iics.taskflows().start(sales, Map.of());
        assertThat(onlyRun().path("runId").asText()).isEqualTo(run.runId());
        assertThat(control.count("POST /ma/api/v2/user/login")).isEqualTo(2);
        assertThat(control.count(RUN)).isEqualTo(2);
    }

    private List<Instant> sendTimes() {
        List<Instant> times = new java.util.ArrayList<>();
        for (JsonNode r : control.requests().path("recent")) {
            if ("POST".equals(r.path("method").asText()) && RUN_PATH.equals(r.path("path").asText())) {
                times.add(Instant.parse(r.path("time").asText()));
            }
        }
        return times;
    }

    private List<JsonNode> taskflowRuns() {
        return control.runs().stream().filter(r -> "taskflow".equals(r.path("kind").asText())).toList();
    }

    private JsonNode onlyRun() {
        List<JsonNode> runs = taskflowRuns();
        assertThat(runs).as("taskflow runs on the emulator").hasSize(1);
        return runs.get(0);
    }
}
