package dev.iicsctl.client.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.RunTimeoutException;
import dev.iicsctl.client.TaskAlreadyRunningException;
import dev.iicsctl.client.TaskNotFoundException;
import dev.iicsctl.client.support.EmulatedIics;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.support.VirtualTime;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.RecordedRequest;
import dev.iicsctl.emulator.fault.FaultRule;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On virtual time shared by the client and the emulator: a run's seconds pass as fast as the polls go. */
@Timeout(90)
class JobServiceTest {

    private static final VirtualTime TIME = VirtualTime.startingNow();

    @RegisterExtension
    static final EmulatedIics IICS = EmulatedIics.onVirtualTime(TIME, TestCatalog.YAML);

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<String> trace = IICS.trace();
    private final IicsClient iics = IICS.client();
    private final Emulator emulator = IICS.emulator();

    @Test
    void startsAndAwaitsASuccessfulRunWithTrueUtcTimesAndRows() {
        TaskRef task = iics.tasks().resolve("Sales/Load Orders", TaskType.MTT);
        RunHandle run = iics.jobs().start(task);
        assertThat(run.startedByClient()).isTrue();
        assertThat(run.task().id()).isEqualTo(TestCatalog.ORDERS_ID);
        List<RunResult> progress = new CopyOnWriteArrayList<>();
        RunResult result = iics.jobs().await(run, WAIT, progress::add);

        assertThat(result.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(result.runId()).isEqualTo(run.runId());
        assertThat(result.rows()).isEqualTo(new Rows(800, 0, 600, 200));
        assertThat(result.logEntryId()).isNotBlank();
        EmulatedRun truth = emulator.runsOf("Sales/Load Orders").get(0);
        assertThat(truth.jobRunId()).isEqualTo(run.runId());
        assertThat(truth.state()).isEqualTo("SUCCEEDED");
        assertThat(result.startTime()).isCloseTo(truth.startTimeUtc(), within(1, ChronoUnit.SECONDS));
        assertThat(result.endTime()).isCloseTo(truth.endTimeUtc(), within(1, ChronoUnit.SECONDS));
        assertThat(result.duration()).isEqualTo(Duration.between(result.startTime(), result.endTime()));
        // True UTC is close to the emulator's now, Eastern time read as UTC would be hours off.
        assertThat(result.endTime()).isCloseTo(TIME.clock().instant(), within(60, ChronoUnit.SECONDS));

        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(result);
        assertThat(progress.subList(0, progress.size() - 1)).allSatisfy(p -> assertThat(p.isFinished()).isFalse());
    }

    @Test
    void warningAndFailureAreReportedWithRowsAndMessage() {
        RunResult warning = iics.jobs().await(iics.jobs().start(iics.tasks().resolve("Sales/Load Customers")), WAIT);
        assertThat(warning.state()).isEqualTo(RunState.WARNING);
        assertThat(warning.rows()).isEqualTo(new Rows(800, 0, 600, 200));
        RunResult failed = iics.jobs().await(iics.jobs().start(iics.tasks().resolve("Finance/Load Orders")), WAIT);
        assertThat(failed.state()).isEqualTo(RunState.FAILED);
        assertThat(failed.errorMessage()).contains("Connection refused");
    }

    @Test
    void startsByV2IdAndByBareNameAndALinearTaskflow() {
        RunHandle byId = iics.jobs().start(TaskRef.ofId(TestCatalog.ORDERS_ID, TaskType.MTT));
        assertThat(iics.jobs().await(byId, WAIT).state()).isEqualTo(RunState.SUCCEEDED);
        RunHandle byName = iics.jobs().start(new TaskRef(null, null, "Sync Accounts", null, TaskType.DSS));
        assertThat(byName.task().id()).isEqualTo("0100000Z00000000002K");
        assertThat(iics.jobs().await(byName, WAIT).state()).isEqualTo(RunState.SUCCEEDED);
        RunHandle linear = iics.jobs().start(iics.tasks().resolve("Nightly/Linear Load", TaskType.WORKFLOW));
        assertThat(iics.jobs().await(linear, WAIT).state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(emulator.runsOf("Sales/Load Orders")).hasSize(1);
    }

    @Test
    void aTaskKnownOnlyByFederatedIdCanBeStartedAndFollowed() {
        TaskRef byFid = TaskRef.ofFederatedId(TestCatalog.ORDERS_FID, TaskType.MTT);
        RunHandle run = iics.jobs().start(byFid);
        assertThat(iics.jobs().await(RunHandle.of(byFid, run.runId()), WAIT).state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(iics.jobs().history(byFid, 5)).extracting(RunResult::runId).containsExactly(run.runId());
        assertThat(iics.jobs().status(RunHandle.of(byFid, run.runId())).state()).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void unknownTaskIsNotFound() {
        assertThatThrownBy(() -> iics.jobs().start(TaskRef.ofId("0100000Z0000000000ZZ", TaskType.MTT)))
                .isInstanceOf(TaskNotFoundException.class).hasMessageContaining("0100000Z0000000000ZZ");
        assertThat(emulator.runs()).isEmpty();
    }

    @Test
    void parameterFileAndCallbackAreSent() {
        StartOptions options = StartOptions.defaults().withParameterFile("orders.param", "/agent/params")
                .withCallbackUrl("https://hooks.example.com/iics");
        RunHandle run = iics.jobs().start(iics.tasks().resolve("Sales/Load Orders"), options);
        assertThat(trace).anySatisfy(line -> assertThat(line).startsWith("> POST").contains("/saas/api/v2/job")
                .contains("\"runtime\":{\"@type\":\"mtTaskRuntime\",\"parameterFileName\":\"orders.param\","
                        + "\"parameterFileDir\":\"/agent/params\"}")
                .contains("\"callbackURL\":\"https://hooks.example.com/iics\"")
                .contains("\"taskFederatedId\":\"" + TestCatalog.ORDERS_FID + "\""));
        iics.jobs().await(run, WAIT);
    }

    @Test
    void alreadyRunningFailRefusesWithTheRunningRunAndStartsNothing() {
        TaskRef slow = iics.tasks().resolve("Sales/Slow Load");
        RunHandle first = iics.jobs().start(slow);

        // Refused while the run is not visible yet (the client remembers its own start) and once it is.
        assertThatThrownBy(() -> iics.jobs().start(slow))
                .isInstanceOfSatisfying(TaskAlreadyRunningException.class,
                        e -> assertThat(e.running().runId()).isEqualTo(first.runId()))
                .hasMessageContaining("already running");
        awaitVisible(first);
        assertThatThrownBy(() -> iics.jobs().start(slow, StartOptions.defaults().withIfRunning(IfRunning.FAIL)))
                .isInstanceOfSatisfying(TaskAlreadyRunningException.class,
                        e -> assertThat(e.running().runId()).isEqualTo(first.runId()));
        assertThat(emulator.runsOf("Sales/Slow Load")).hasSize(1);
    }

    @Test
    void alreadyRunningAttachFollowsTheRunningRun() {
        TaskRef slow = iics.tasks().resolve("Sales/Slow Load");
        RunHandle first = iics.jobs().start(slow);
        awaitVisible(first);

        RunHandle attached = iics.jobs().start(slow, StartOptions.defaults().withIfRunning(IfRunning.ATTACH));
        assertThat(attached.runId()).isEqualTo(first.runId());
        assertThat(attached.startedByClient()).isFalse();
        assertThat(emulator.runsOf("Sales/Slow Load")).hasSize(1);
    }

    @Test
    void alreadyRunningWaitStartsOnceTheRunningRunHasEnded() {
        TaskRef slow = iics.tasks().resolve("Sales/Slow Load");
        RunHandle first = iics.jobs().start(slow);
        awaitVisible(first);

        RunHandle after = iics.jobs().start(slow, StartOptions.defaults().withIfRunning(IfRunning.WAIT));
        assertThat(after.runId()).isGreaterThan(first.runId());
        assertThat(after.startedByClient()).isTrue();
        List<EmulatedRun> runs = emulator.runsOf("Sales/Slow Load");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).state()).isEqualTo("SUCCEEDED");
    }

    @Test
    void alreadyRunningStartStartsASecondRunAlongside() {
        TaskRef slow = iics.tasks().resolve("Sales/Slow Load");
        RunHandle first = iics.jobs().start(slow);
        awaitVisible(first);

        RunHandle anyway = iics.jobs().start(slow, StartOptions.defaults().withIfRunning(IfRunning.START));
        assertThat(anyway.runId()).isGreaterThan(first.runId());
        assertThat(anyway.startedByClient()).isTrue();
        List<EmulatedRun> runs = emulator.runsOf("Sales/Slow Load");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).state()).as("the first run is still going").isIn("QUEUED", "RUNNING");
    }

    @Test
    void stopsUncleanAndClean() {
        for (boolean clean : new boolean[] {false, true}) {
            emulator.reset();
            TaskRef slow = iics.tasks().resolve("Sales/Slow Load");
            RunHandle run = iics.jobs().start(slow);
            awaitVisible(run);
            iics.jobs().stop(run.task(), clean);
            RunResult result = iics.jobs().await(run, WAIT);
            assertThat(result.state()).as("clean=" + clean).isEqualTo(RunState.STOPPED);
            assertThat(emulator.runsOf("Sales/Slow Load").get(0).state()).isEqualTo("STOPPED");
            RecordedRequest stopCall = null;
            for (RecordedRequest r : emulator.requests().recent()) {
                if (r.path().endsWith("/job/stop")) {
                    stopCall = r;
                }
            }
            assertThat(stopCall).isNotNull();
            assertThat(java.util.Objects.toString(stopCall.query(), ""))
                    .isEqualTo(clean ? "cleanStop=true" : "");
        }
    }

    @Test
    void timeoutLeavesTheJobRunningAndSaysSo() {
        RunHandle run = iics.jobs().start(iics.tasks().resolve("Sales/Slow Load"));
        assertThatThrownBy(() -> iics.jobs().await(run, Duration.ofMillis(300)))
                .isInstanceOf(RunTimeoutException.class)
                .hasMessageContaining("left running")
                .satisfies(e -> {
                    RunTimeoutException t = (RunTimeoutException) e;
                    assertThat(t.handle().runId()).isEqualTo(run.runId());
                    assertThat(t.lastKnown().isFinished()).isFalse();
                });
        assertThat(emulator.runsOf("Sales/Slow Load").get(0).endTimeUtc()).isNull();
        assertThat(iics.jobs().await(run, WAIT).state()).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void aShortOutageDuringAWaitIsRiddenOut() {
        RunHandle run = iics.jobs().start(iics.tasks().resolve("Sales/Load Orders"));
        // 6 failures: the first poll fails after its 4 attempts, the second poll succeeds on its third.
        emulator.addFault(FaultRule.status("GET", "/saas/api/v2/activity/activityMonitor", 503).times(6));
        assertThat(iics.jobs().await(run, WAIT).state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(emulator.requests().count("GET /saas/api/v2/activity/activityMonitor")).isGreaterThan(6);
    }

    @Test
    void aLongOutageEndsTheWaitWithATypedError() {
        RunHandle run = iics.jobs().start(iics.tasks().resolve("Sales/Load Orders"));
        long before = emulator.requests().count("GET /saas/api/v2/activity/activityMonitor");
        emulator.addFault(FaultRule.status("GET", "/saas/api/v2/activity/activityMonitor", 503));
        assertThatThrownBy(() -> iics.jobs().await(run, WAIT))
                .isInstanceOfSatisfying(dev.iicsctl.client.IicsApiException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(503));
        // 3 polls of 4 attempts each, then it gives up.
        assertThat(emulator.requests().count("GET /saas/api/v2/activity/activityMonitor") - before).isEqualTo(12);
    }

    @Test
    void historyAndLatestAreNewestFirst() {
        TaskRef task = iics.tasks().resolve("Sales/Load Orders");
        iics.jobs().await(iics.jobs().start(task), WAIT);
        RunHandle second = iics.jobs().start(task);
        iics.jobs().await(second, WAIT);
        List<RunResult> history = iics.jobs().history(task, 10);
        assertThat(history).extracting(RunResult::runId).containsExactly(second.runId(), second.runId() - 1);
        assertThat(history).allSatisfy(r -> assertThat(r.state()).isEqualTo(RunState.SUCCEEDED));
        assertThat(iics.jobs().latest(task)).hasValueSatisfying(r -> assertThat(r.runId()).isEqualTo(second.runId()));
        assertThat(iics.jobs().status(second).state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(iics.jobs().latest(iics.tasks().resolve("Sales/Slow Load"))).isEmpty();
    }

    private void awaitVisible(RunHandle run) {
        Duration waited = Duration.ZERO;
        while (iics.jobs().status(run).state() == RunState.NOT_YET_VISIBLE) {
            assertThat(waited).as("run became visible in time").isLessThan(WAIT);
            TIME.advance(Duration.ofMillis(50));
            waited = waited.plusMillis(50);
        }
    }
}
