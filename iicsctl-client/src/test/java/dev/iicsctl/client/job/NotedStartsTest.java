package dev.iicsctl.client.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.IicsException;
import dev.iicsctl.client.StartControl;
import dev.iicsctl.client.TaskAlreadyRunningException;
import dev.iicsctl.client.support.SnapshotFile;
import dev.iicsctl.client.support.TwoProcesses;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run started by another process of the host moments ago, told to this client by
 * {@link JobService#noteStartedElsewhere}: IICS shows it nowhere yet, so only the note keeps the if-running check
 * from starting the task twice and a lost start answer from being taken for it. The check costs one activity log
 * read when a fresh shared snapshot answers the monitor; each case counts the requests, so a check that looked
 * more, or less, than it must shows.
 */
@Timeout(60)
class NotedStartsTest {

    private static final String MONITOR = TwoProcesses.MONITOR;
    private static final String LOG = TwoProcesses.LOG;
    private static final String START = TwoProcesses.START;
    private static final String QUICK = TwoProcesses.QUICK;
    private static final String LONG = TwoProcesses.LONG;

    @TempDir
    Path folder;

    private TwoProcesses host;
    private Emulator emulator;
    /** The process that started the run. */
    private IicsClient starter;
    /** Another process of the host, which knows the run only from the note. */
    private IicsClient other;

    @BeforeEach
    void start() {
        // Long enough that each case acts while the fresh run is listed nowhere, shorter than the test
        // client's 2 s reconcile window.
        host = TwoProcesses.sharing(folder, Duration.ofMillis(1500));
        emulator = host.emulator();
        starter = host.first();
        other = host.second();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    /** Starts the task from the first process, skipping its check; the run is then hidden for the visibility delay. */
    private RunHandle startedByTheStarter(String path) {
        return starter.jobs().start(starter.tasks().resolve(path, TaskType.MTT),
                StartOptions.defaults().withIfRunning(IfRunning.START));
    }

    /** What the other process would get from its earlier lookups: the task with its id. */
    private TaskRef taskOfTheOther(String path) {
        return other.tasks().resolve(path, TaskType.MTT);
    }

    /** Leaves a just-taken shared snapshot that lists nothing running, as the monitor shows it now. */
    private void freshEmptySnapshot() throws IOException {
        starter.monitor().running();
        SnapshotFile.freshen(folder, snapshot ->
                assertThat(snapshot.path("entries")).as("the monitor lists nothing yet").isEmpty());
    }

    /**
     * A run of the task started by the starter and noted by the other process, which then has a fresh shared
     * snapshot that lists nothing: only the note tells it that the task runs.
     */
    private Noted notedHidden(String path) throws IOException {
        RunHandle hidden = startedByTheStarter(path);
        TaskRef task = taskOfTheOther(path);
        freshEmptySnapshot();
        other.jobs().noteStartedElsewhere(hidden);
        return new Noted(hidden, task);
    }

    private record Noted(RunHandle run, TaskRef task) {
    }

    private long count(String route) {
        return host.count(route);
    }

    private List<EmulatedRun> runsOf(String path) {
        return emulator.runs().stream().filter(r -> r.taskPath().equals(path)).toList();
    }

    @Test
    void aNotedRunThatIicsShowsNowhereIsRefusedWithOneLogRead() throws Exception {
        Noted noted = notedHidden(LONG);
        long monitor = count(MONITOR);
        long log = count(LOG);
        long starts = count(START);
        assertThatThrownBy(() -> other.jobs().start(noted.task(), StartOptions.defaults()))
                .isInstanceOfSatisfying(TaskAlreadyRunningException.class,
                        e -> assertThat(e.running().runId()).isEqualTo(noted.run().runId()));
        assertThat(count(MONITOR) - monitor).as("monitor calls: the fresh snapshot answered").isZero();
        assertThat(count(LOG) - log).as("activity log reads").isOne();
        assertThat(count(START) - starts).as("nothing was started").isZero();
        assertThat(runsOf(LONG)).hasSize(1);
    }

    @Test
    void withoutTheNoteTheSameCheckLetsASecondRunThrough() throws Exception {
        // The blind spot the note closes: the same state, the same fresh snapshot, no note.
        startedByTheStarter(LONG);
        TaskRef task = taskOfTheOther(LONG);
        freshEmptySnapshot();
        other.jobs().start(task, StartOptions.defaults());
        assertThat(runsOf(LONG)).hasSize(2);
    }

    @Test
    void attachFollowsTheNotedRunWithoutStarting() throws Exception {
        Noted noted = notedHidden(LONG);
        RunHandle attached = other.jobs().start(noted.task(), StartOptions.defaults().withIfRunning(IfRunning.ATTACH));
        assertThat(attached.runId()).isEqualTo(noted.run().runId());
        assertThat(attached.startedByClient()).isFalse();
        assertThat(runsOf(LONG)).hasSize(1);
    }

    @Test
    void aNotedRunThatHasEndedAndIsLoggedDoesNotBlockTheNextStart() throws Exception {
        RunHandle first = startedByTheStarter(QUICK);
        assertThat(starter.jobs().await(first, Duration.ofSeconds(30)).state()).isEqualTo(RunState.SUCCEEDED);
        TaskRef task = taskOfTheOther(QUICK);
        freshEmptySnapshot();
        other.jobs().noteStartedElsewhere(first);
        long monitor = count(MONITOR);
        long log = count(LOG);
        long starts = count(START);
        RunHandle second = other.jobs().start(task, StartOptions.defaults());
        assertThat(second.runId()).isNotEqualTo(first.runId());
        assertThat(second.startedByClient()).isTrue();
        assertThat(count(MONITOR) - monitor).as("monitor calls").isZero();
        assertThat(count(LOG) - log).as("one log read gives both the check and the baseline").isOne();
        assertThat(count(START) - starts).isOne();
        assertThat(runsOf(QUICK)).extracting(EmulatedRun::jobRunId).containsExactly(first.runId(), second.runId());
    }

    @Test
    void aNotedRunShownNowhereLongAfterItsStartIsLostNotRunning() throws Exception {
        // IICS lost the run, or the org was reset: the note is kept for minutes, and must not refuse every start
        // of the task until then. Within the visibility bound the same note refuses (the first case).
        TaskRef task = taskOfTheOther(QUICK);
        freshEmptySnapshot();
        other.jobs().noteStartedElsewhere(new RunHandle(task, 7, Instant.now().minus(Duration.ofMinutes(5)), true));
        RunHandle run = other.jobs().start(task, StartOptions.defaults());
        assertThat(run.startedByClient()).isTrue();
        assertThat(runsOf(QUICK)).extracting(EmulatedRun::jobRunId).containsExactly(run.runId());
    }

    @Test
    void waitWaitsForTheNotedRunToEndThenStartsOnce() {
        RunHandle hidden = startedByTheStarter(QUICK);
        TaskRef task = taskOfTheOther(QUICK);
        other.jobs().noteStartedElsewhere(hidden);
        List<RunResult> heard = new CopyOnWriteArrayList<>();
        RunHandle next = other.jobs().start(task, StartOptions.defaults().withIfRunning(IfRunning.WAIT),
                StartControl.create(), heard::add);
        assertThat(next.runId()).isNotEqualTo(hidden.runId());
        assertThat(heard).as("the waiting listener heard the noted run, to its end").isNotEmpty()
                .allSatisfy(r -> assertThat(r.runId()).isEqualTo(hidden.runId()));
        assertThat(heard.get(heard.size() - 1).state()).isEqualTo(RunState.SUCCEEDED);
        List<EmulatedRun> runs = runsOf(QUICK);
        assertThat(runs).extracting(EmulatedRun::jobRunId).containsExactly(hidden.runId(), next.runId());
        assertThat(runs.get(0).endTimeUtc()).as("the noted run had ended when the next was started")
                .isNotNull().isBeforeOrEqualTo(runs.get(1).startTimeUtc());
    }

    @Test
    void aLostStartAnswerIsNeverTakenForTheNotedRun() {
        // START looks at nothing before the start, so the lost answer is settled by the start times alone, and
        // the noted run began a moment before: only the note tells it from the run this start made.
        RunHandle hidden = startedByTheStarter(LONG);
        TaskRef task = taskOfTheOther(LONG);
        other.jobs().noteStartedElsewhere(hidden);
        emulator.addFault(FaultRule.dropAfter("POST", "/saas/api/v2/job").times(1));
        RunHandle mine = other.jobs().start(task, StartOptions.defaults().withIfRunning(IfRunning.START));
        List<EmulatedRun> runs = runsOf(LONG);
        assertThat(runs).hasSize(2);
        assertThat(mine.runId()).isNotEqualTo(hidden.runId()).isEqualTo(runs.get(1).jobRunId());
        assertThat(mine.startedByClient()).isTrue();
    }

    @Test
    void whenTheLogCannotBeReadANotedRunStartsNothing() throws Exception {
        Noted noted = notedHidden(LONG);
        emulator.addFault(FaultRule.status("GET", "/saas/api/v2/activity/activityLog", 500,
                "application/json", "{\"code\":\"X\",\"description\":\"down\"}"));
        long starts = count(START);
        assertThatThrownBy(() -> other.jobs().start(noted.task(), StartOptions.defaults()))
                .isInstanceOf(IicsException.class)
                .isNotInstanceOf(TaskAlreadyRunningException.class);
        assertThat(count(START) - starts).as("nothing was started").isZero();
        assertThat(runsOf(LONG)).hasSize(1);
    }
}
