package dev.iicsctl.client.taskflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.WaitTimeoutException;
import dev.iicsctl.client.TaskNotFoundException;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.support.EmulatedIics;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class TaskflowServiceTest {

    @RegisterExtension
    static final EmulatedIics IICS = EmulatedIics.withCatalogYaml(TestCatalog.YAML + TestCatalog.TASKFLOWS);

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final IicsClient iics = IICS.client();
    private final Emulator emulator = IICS.emulator();

    private TaskRef taskflow(String path) {
        return iics.tasks().resolve(path, TaskType.TASKFLOW);
    }

    private List<EmulatedRun> taskflowRuns() {
        return emulator.runs().stream().filter(r -> "taskflow".equals(r.kind())).toList();
    }

    @Test
    void runsATaskflowAndFollowsItsSteps() {
        TaskRef tf = taskflow("Orchestration/Orchestrate Sales");
        TaskflowRun run = iics.taskflows().start(tf, Map.of("region", "EU", "batch", 7));
        assertThat(run.apiName()).isEqualTo("Orchestrate_Sales");
        assertThat(run.runId()).matches("[0-9]+");
        List<TaskflowResult> progress = new CopyOnWriteArrayList<>();
        TaskflowResult result = iics.taskflows().await(run, WAIT, progress::add);
        assertThat(result.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(result.status()).isEqualTo("SUCCESS");
        assertThat(result.subtasks()).extracting(SubtaskResult::name).containsExactly("Load Orders", "Sync Accounts");
        assertThat(result.subtasks()).allSatisfy(s -> assertThat(s.state()).isEqualTo(RunState.SUCCEEDED));
        assertThat(result.startTime()).isNotNull();
        assertThat(result.endTime()).isAfterOrEqualTo(result.startTime());
        assertThat(progress.subList(0, progress.size() - 1)).noneMatch(TaskflowResult::isFinished);
        List<EmulatedRun> truth = taskflowRuns();
        assertThat(truth).singleElement().satisfies(r -> {
            assertThat(r.runId()).isEqualTo(run.runId());
            assertThat(r.state()).isEqualTo("SUCCEEDED");
        });
    }

    @Test
    void aSuspendedRunIsReportedAndCanBeResumedOrTerminated() {
        TaskRef tf = taskflow("Orchestration/Close Books");
        TaskflowRun first = iics.taskflows().start(tf, Map.of());
        TaskflowResult suspended = iics.taskflows().await(first, WAIT, TaskflowListener.NONE);
        assertThat(suspended.state()).isEqualTo(RunState.SUSPENDED);
        assertThat(suspended.isFinished()).isTrue();
        iics.taskflows().resume(first, false);
        // Its first step (Sales/Load Customers) ends with warnings, so the resumed run ends WARNING, not SUCCEEDED.
        TaskflowResult resumed = iics.taskflows().awaitResumed(first, WAIT, null, TaskflowListener.NONE);
        assertThat(resumed.state()).isEqualTo(RunState.WARNING);
        assertThat(resumed.status()).isEqualTo("SUCCESS");
        assertThat(resumed.subtasks()).extracting(SubtaskResult::state)
                .containsExactly(RunState.WARNING, RunState.SUCCEEDED);

        TaskflowRun second = iics.taskflows().start(tf, Map.of());
        assertThat(iics.taskflows().await(second, WAIT, TaskflowListener.NONE).state()).isEqualTo(RunState.SUSPENDED);
        iics.taskflows().resume(second, true);
        TaskflowResult skipped = iics.taskflows().await(second, WAIT, TaskflowListener.NONE);
        assertThat(skipped.state()).isEqualTo(RunState.WARNING);
        assertThat(skipped.subtasks()).anySatisfy(s -> assertThat(s.status()).isEqualTo("SKIPPED"));

        TaskflowRun third = iics.taskflows().start(tf, Map.of());
        iics.taskflows().terminate(third);
        // IICS records a terminated run as failed "terminated by user"; the client reports what happened: stopped.
        assertThat(iics.taskflows().await(third, WAIT, TaskflowListener.NONE).state()).isEqualTo(RunState.STOPPED);
    }

    @Test
    void anExplicitApiNameIsUsedAndAWrongOneIsNotFound() {
        TaskRef tf = taskflow("Orchestration/Renamed Flow");
        assertThatThrownBy(() -> iics.taskflows().start(tf, Map.of()))
                .isInstanceOf(TaskNotFoundException.class).hasMessageContaining("Renamed_Flow");
        TaskflowRun run = iics.taskflows().start(tf, "renamed-flow-2", Map.of());
        assertThat(iics.taskflows().await(run, WAIT, TaskflowListener.NONE).state()).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void anUnpublishedTaskflowIsNotRunnable() {
        assertThatThrownBy(() -> iics.taskflows().start(taskflow("Orchestration/Draft Flow"), Map.of()))
                .isInstanceOfSatisfying(TaskNotFoundException.class,
                        e -> assertThat(e.reason()).isEqualTo(TaskNotFoundException.Reason.NOT_RUNNABLE))
                .hasMessageContaining("publish");
        assertThat(taskflowRuns()).isEmpty();
    }

    @Test
    void jobsAndTaskflowsAreNotMixedUp() {
        assertThatThrownBy(() -> iics.jobs().start(taskflow("Orchestration/Orchestrate Sales")))
                .isInstanceOf(TaskNotFoundException.class).hasMessageContaining("taskflow service");
        assertThatThrownBy(() -> iics.taskflows().start(iics.tasks().resolve("Sales/Load Orders"), Map.of()))
                .isInstanceOf(TaskNotFoundException.class).hasMessageContaining("start it as a job");
        assertThat(emulator.runs()).isEmpty();
    }

    @Test
    void aDroppedRunRequestGivesTheOneRun() {
        emulator.addFault(FaultRule.dropAfter("POST", "/active-bpel/rt/Orchestrate_Sales").times(1));
        TaskflowRun run = iics.taskflows().start(taskflow("Orchestration/Orchestrate Sales"), Map.of());
        assertThat(taskflowRuns()).singleElement()
                .satisfies(r -> assertThat(r.runId()).isEqualTo(run.runId()));
        assertThat(emulator.requests().count("POST /active-bpel/rt/{apiName}")).isEqualTo(1);
    }

    @Test
    void aTimeoutLeavesTheRunAlone() {
        TaskflowRun run = iics.taskflows().start(taskflow("Orchestration/Orchestrate Sales"), Map.of());
        assertThatThrownBy(() -> iics.taskflows().await(run, Duration.ofMillis(100), TaskflowListener.NONE))
                .isInstanceOfSatisfying(TaskflowTimeoutException.class, e -> {
                    assertThat(e.run()).isEqualTo(run);
                    assertThat(e.lastSeen().isFinished()).isFalse();
                })
                .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
                    assertThat(e.task()).isEqualTo(run.taskflow());
                    assertThat(e.runId()).isEqualTo(run.runId());
                    assertThat(e.lastState().isTerminal()).isFalse();
                })
                .hasMessageContaining("left running");
        assertThat(iics.taskflows().await(run, WAIT, TaskflowListener.NONE).state()).isEqualTo(RunState.SUCCEEDED);
    }
}
