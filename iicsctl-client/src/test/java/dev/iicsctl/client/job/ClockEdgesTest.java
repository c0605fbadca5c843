package dev.iicsctl.client.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.client.taskflow.TaskflowResult;
import dev.iicsctl.client.taskflow.TaskflowRun;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import dev.iicsctl.emulator.time.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lost start answers and durations on the emulator's clock, at the daylight-saving changes of 2026 and 2027 and
 * with the {@code Date} header ahead of the activity entries. The emulator's {@code Date} header always follows
 * the machine's clock (the JDK server writes it), so an emulator clock set to another instant is also a server
 * whose {@code Date} header disagrees with its entries by months: no start time can be trusted there, only what
 * identifies a run.
 */
@Timeout(120)
class ClockEdgesTest {

    private static final String START = "POST /saas/api/v2/job";
    private static final Duration RUN = Duration.ofMinutes(20);
    private static final String CATALOG = """
            tasks:
              - path: Replication/Copy Accounts
                type: DRS
                run: {duration: 20m, outcome: success}
            taskflows:
              - path: Orchestration/Quick Flow
                apiName: Quick_Flow
                published: true
                run: {duration: 200ms, outcome: success}
                subtasks: [Replication/Copy Accounts]
            """;

    /**
     * Autumn: 01:00 to 02:00 Eastern comes twice. Run 1 starts at 01:20 daylight time; run 2, whose start answer is
     * lost, starts at 01:50 daylight time and ends at 01:10 standard time; run 3, whose start answer is garbled,
     * starts at 01:20 standard time, the same wall-clock time as run 1. The entries carry Eastern times only.
     */
    @ParameterizedTest(name = "fall back on {0}")
    @ValueSource(strings = {"2026-11-01", "2027-11-07"})
    void theRepeatedHourStartsEachRunOnceAndNoDurationIsNegative(String day) throws Exception {
        Instant changeUtc = Instant.parse(day + "T06:00:00Z"); // 02:00 daylight time = 01:00 standard time
        threeStartsAcross(changeUtc.minus(Duration.ofMinutes(40)), changeUtc.minus(Duration.ofMinutes(10)),
                changeUtc.plus(Duration.ofMinutes(20)));
    }

    /**
     * Spring: 02:00 to 03:00 Eastern never happens. Run 2, whose start answer is lost, starts at 01:50 standard
     * time and ends at 03:10 daylight time; run 3 starts in the first minutes after the change.
     */
    @ParameterizedTest(name = "spring forward on {0}")
    @ValueSource(strings = {"2026-03-08", "2027-03-14"})
    void theSkippedHourStartsEachRunOnceAndDurationsAreRight(String day) throws Exception {
        Instant changeUtc = Instant.parse(day + "T07:00:00Z"); // 02:00 standard time = 03:00 daylight time
        threeStartsAcross(changeUtc.minus(Duration.ofMinutes(40)), changeUtc.minus(Duration.ofMinutes(10)),
                changeUtc.plus(Duration.ofMinutes(20)));
    }

    private void threeStartsAcross(Instant first, Instant lost, Instant garbled) throws Exception {
        MovableClock clock = MovableClock.running(first);
        try (Emulator emulator = emulator(clock, false); IicsClient iics = client(emulator)) {
            TaskRef task = iics.tasks().resolve("Replication/Copy Accounts", TaskType.DRS);

            RunResult one = startAndFinish(iics, clock, task);

            moveTo(clock, lost);
            emulator.addFault(FaultRule.dropAfter("POST", "/saas/api/v2/job").times(1));
            RunResult two = startAndFinish(iics, clock, task);

            moveTo(clock, garbled);
            emulator.addFault(FaultRule.malformed("POST", "/saas/api/v2/job").times(1));
            RunResult three = startAndFinish(iics, clock, task);

            assertThat(emulator.requests().count(START)).as("start requests").isEqualTo(3);
            assertThat(emulator.runs()).as("runs").hasSize(3);
            assertThat(new long[] {one.runId(), two.runId(), three.runId()}).containsExactly(1, 2, 3);
            for (RunResult r : new RunResult[] {one, two, three}) {
                assertThat(r.state()).isEqualTo(RunState.SUCCEEDED);
                assertThat(r.duration()).as("duration of run " + r.runId()).isBetween(RUN, RUN.plusSeconds(1));
            }
            // Run 2 crosses the change: read together, its start and end are its true instants.
            assertThat(Duration.between(lost, two.startTime()).abs()).isLessThan(Duration.ofMinutes(1));
        }
    }

    /**
     * The emulator's entries run 3 s behind its {@code Date} header. With FAIL the client reads the task's newest run
     * before the start and recognises the new run by its id; START reads nothing before the start, so the start
     * times decide, within the skew tolerance.
     */
    @ParameterizedTest(name = "if running: {0}")
    @ValueSource(strings = {"FAIL", "START"})
    void aDateHeaderThreeSecondsAheadOfTheEntriesStartsOnce(IfRunning policy) {
        MovableClock clock = MovableClock.running(Instant.now().minusSeconds(3));
        try (Emulator emulator = emulator(clock, true); IicsClient iics = client(emulator)) {
            TaskRef task = iics.tasks().resolve("Replication/Copy Accounts", TaskType.DRS);
            emulator.addFault(FaultRule.dropAfter("POST", "/saas/api/v2/job").times(1));
            RunHandle run = iics.jobs().start(task, StartOptions.defaults().withIfRunning(policy));
            assertThat(run.startedByClient()).isTrue();
            assertThat(emulator.requests().count(START)).isEqualTo(1);
            assertThat(emulator.runs()).hasSize(1);
        }
    }

    @Test
    void aTaskflowWhoseStartAnswerIsLostUnderADateHeaderThreeSecondsAheadRunsOnce() {
        MovableClock clock = MovableClock.running(Instant.now().minusSeconds(3));
        try (Emulator emulator = emulator(clock, true); IicsClient iics = client(emulator)) {
            TaskRef flow = iics.tasks().resolve("Orchestration/Quick Flow", TaskType.TASKFLOW);
            emulator.addFault(FaultRule.dropAfter("POST", "/active-bpel/rt/Quick_Flow").times(1));
            TaskflowRun run = iics.taskflows().start(flow, Map.of());
            assertThat(run.startedByClient()).isTrue();
            assertThat(emulator.requests().count("POST /active-bpel/rt/{apiName}")).isEqualTo(1);
            TaskflowResult result = iics.taskflows().await(run, Duration.ofSeconds(30), dev.iicsctl.client.taskflow.TaskflowListener.NONE);
            assertThat(result.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(emulator.runs().stream().filter(r -> "taskflow".equals(r.kind()))).hasSize(1);
        }
    }

    private static Emulator emulator(MovableClock clock, boolean utcTimes) {
        return Emulator.builder().catalogYaml(CATALOG).clock(clock).utcTimes(utcTimes)
                .visibilityDelay(Duration.ofMillis(100)).build().start();
    }

    private static IicsClient client(Emulator emulator) {
        return TestCatalog.client(emulator.loginUrl()).build();
    }

    /** Starts the task, lets the emulator's clock run past its end, and follows it to its end. */
    private static RunResult startAndFinish(IicsClient iics, MovableClock clock, TaskRef task) {
        RunHandle run = iics.jobs().start(task);
        assertThat(run.startedByClient()).isTrue();
        clock.advance(RUN.plusMinutes(1));
        return iics.jobs().await(run, Duration.ofSeconds(30));
    }

    private static void moveTo(MovableClock clock, Instant target) {
        Duration ahead = Duration.between(clock.instant(), target);
        if (!ahead.isNegative()) {
            clock.advance(ahead);
        }
    }
}
