package dev.iicsctl.client.taskflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.TaskNotFoundException;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.log.LogFile;
import dev.iicsctl.client.support.EmulatedIics;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.support.VirtualTime;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Finding taskflow runs, their steps in the activity log, and the answer variants the spec leaves open. */
@Timeout(60)
class TaskflowRunsTest {

    private static final VirtualTime TIME = VirtualTime.startingNow();

    @RegisterExtension
    static final EmulatedIics IICS = EmulatedIics.onVirtualTime(TIME, TestCatalog.YAML + TestCatalog.TASKFLOWS
            + """
              - path: Orchestration/Spaced Flow
                apiName: Spaced Flow
                run: {duration: 200ms, outcome: success}
                subtasks: [Sales/Load Orders]
              - path: Orchestration/Long Flow
                apiName: Long_Flow
                run: {duration: 20s, outcome: success}
                subtasks: [Sales/Load Orders]
            """);

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final IicsClient iics = IICS.client();
    private final Emulator emulator = IICS.emulator();

    private TaskRef taskflow(String path) {
        return iics.tasks().resolve(path, TaskType.TASKFLOW);
    }

    private TaskflowResult runToEnd(String path) {
        TaskflowRun run = iics.taskflows().start(taskflow(path), Map.of());
        return iics.taskflows().await(run, WAIT, TaskflowListener.NONE);
    }

    @Test
    void aRunIsFoundByItsIdAloneWithItsTaskflowNamedAsTheStatusNamesIt() {
        TaskflowResult ended = runToEnd("Orchestration/Orchestrate Sales");
        TaskflowResult found = iics.taskflows().find(ended.runId()).orElseThrow();
        assertThat(found.taskflow().name()).isEqualTo("Orchestrate Sales");
        assertThat(found.taskflow().path()).isEqualTo("Orchestration/Orchestrate Sales");
        assertThat(found.taskflow().type()).isEqualTo(TaskType.TASKFLOW);
        assertThat(found.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(found.subtasks()).hasSize(2);
        assertThat(iics.taskflows().find("1234567890123456789")).isEmpty();
    }

    @Test
    void runsListsOnlyThatTaskflowsRunsNewestFirst() {
        TaskflowResult first = runToEnd("Orchestration/Orchestrate Sales");
        runToEnd("Orchestration/Spaced Flow");
        TaskflowResult second = runToEnd("Orchestration/Orchestrate Sales");
        assertThat(iics.taskflows().runs(taskflow("Orchestration/Orchestrate Sales"), 10))
                .extracting(TaskflowResult::runId).containsExactly(second.runId(), first.runId());
        assertThat(iics.taskflows().runs(taskflow("Orchestration/Orchestrate Sales"), 1)).hasSize(1);
    }

    @Test
    void unfinishedRunsAreTheRunningAndTheSuspendedOnes() {
        TaskRef longFlow = taskflow("Orchestration/Long Flow");
        TaskflowRun running = iics.taskflows().start(longFlow, Map.of());
        assertThat(iics.taskflows().unfinished(longFlow)).extracting(TaskflowResult::runId)
                .containsExactly(running.runId());
        TaskflowResult suspended = runToEnd("Orchestration/Close Books");
        assertThat(iics.taskflows().unfinished(taskflow("Orchestration/Close Books")))
                .extracting(TaskflowResult::runId).containsExactly(suspended.runId());
        iics.taskflows().terminate(running);
        assertThat(iics.taskflows().unfinished(longFlow)).isEmpty();
        assertThat(iics.taskflows().status(running).state()).isEqualTo(RunState.STOPPED);
    }

    @Test
    void theStepsOfARunAreFoundInTheActivityLogWithTheirSessionLogs() {
        TaskflowResult ended = runToEnd("Orchestration/Orchestrate Sales");
        List<RunResult> steps = iics.taskflows().subtaskRuns(ended);
        assertThat(steps).extracting(s -> s.task().name()).containsExactly("Load Orders", "Sync Accounts");
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.logEntryId()).isNotBlank();
            assertThat(s.state()).isEqualTo(RunState.SUCCEEDED);
        });
        List<LogFile> logs = iics.logs().sessionLogs(steps.get(0));
        assertThat(logs).isNotEmpty();
        assertThat(logs.get(0).text()).contains("Load Orders");
        // Another run's steps are not this run's.
        TaskflowResult later = runToEnd("Orchestration/Spaced Flow");
        assertThat(iics.taskflows().subtaskRuns(later)).extracting(s -> s.task().name()).containsExactly("Load Orders");
    }

    @Test
    void aRefusedCallerIsNotRunnableWithWhatToDoInIics() {
        emulator.addFault(FaultRule.status("POST", "/active-bpel/rt/Orchestrate_Sales", 403));
        assertThatThrownBy(() -> iics.taskflows().start(taskflow("Orchestration/Orchestrate Sales"), Map.of()))
                .isInstanceOfSatisfying(TaskNotFoundException.class,
                        e -> assertThat(e.reason()).isEqualTo(TaskNotFoundException.Reason.NOT_RUNNABLE))
                .hasMessageContaining("Allowed Users").hasMessageContaining("403");
        assertThat(emulator.runs()).isEmpty();
    }

    @Test
    void theNameAsItIsIsTriedWhenTheCleanedApiNameIsUnknown() {
        TaskflowRun run = iics.taskflows().start(taskflow("Orchestration/Spaced Flow"), Map.of());
        assertThat(run.apiName()).isEqualTo("Spaced Flow");
        assertThat(emulator.requests().count("POST /active-bpel/rt/{apiName}")).isEqualTo(2);
        assertThat(emulator.runs()).hasSize(1);
    }

    @Test
    void statusAnswerVariantsAreRead() {
        TaskflowRun run = TaskflowRun.of(taskflow("Orchestration/Orchestrate Sales"), "42");
        String path = "/active-bpel/services/tf/status/42";
        emulator.addFault(FaultRule.status(null, path, 200, "application/json",
                "[{\"runId\":42,\"status\":\"completed\",\"subtaskDetails\":{\"details\":{\"tasks\":"
                        + "[{\"assetName\":\"A\",\"status\":\"Warning\",\"runId\":7}]}}}]").times(1));
        TaskflowResult warned = iics.taskflows().status(run);
        assertThat(warned.state()).isEqualTo(RunState.WARNING);
        assertThat(warned.subtasks()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(RunState.WARNING);
            assertThat(s.runId()).isEqualTo("7");
        });
        emulator.addFault(FaultRule.status(null, path, 200, "application/json", "[]").times(1));
        assertThat(iics.taskflows().status(run).state()).isEqualTo(RunState.NOT_YET_VISIBLE);
        emulator.addFault(FaultRule.status(null, path, 200, "application/json",
                "{\"runId\":\"42\",\"status\":\"Failed\",\"errorMessage\":\"Aborted by user x\"}").times(1));
        assertThat(iics.taskflows().status(run).state()).isEqualTo(RunState.STOPPED);
    }

    @Test
    void aRunStillShownSuspendedRightAfterAResumeIsFollowedOn() {
        TaskflowResult suspended = runToEnd("Orchestration/Close Books");
        assertThat(suspended.state()).isEqualTo(RunState.SUSPENDED);
        TaskflowRun run = TaskflowRun.of(suspended.taskflow(), suspended.runId());
        iics.taskflows().resume(run, false);
        // IICS may apply a resume a moment after answering it: the first look still says SUSPENDED.
        emulator.addFault(FaultRule.status("GET", "/active-bpel/services/tf/status/" + run.runId(), 200,
                "application/json", "{\"runId\":\"" + run.runId() + "\",\"status\":\"SUSPENDED\"}").times(1));
        TaskflowResult resumed = iics.taskflows().awaitResumed(run, WAIT, null, TaskflowListener.NONE);
        assertThat(resumed.state()).isEqualTo(RunState.WARNING);
        assertThat(emulator.requests().count("GET /active-bpel/services/tf/status/{runId}")).isGreaterThan(1);
    }
}
