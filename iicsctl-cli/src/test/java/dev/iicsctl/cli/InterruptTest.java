package dev.iicsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.fault.FaultRule;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A real signal to a real iicsctl process waiting for a run. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InterruptTest extends EmulatorTestBase {
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void endLeftoverProcesses() {
        started.forEach(Process::destroyForcibly);
    }

    private Process start(String... args) throws IOException {
        Process process = ChildIicsctl.start(emulator, home, args);
        started.add(process);
        return process;
    }

    private static void signal(Process process, String signal) throws Exception {
        ChildIicsctl.signal(process, signal);
    }

    private void assertExits(Process process, int exitCode) throws Exception {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(process.exitValue()).as(err()).isEqualTo(exitCode);
    }

    private String err() throws IOException {
        return Files.readString(home.resolve("err.txt"));
    }

    @Test
    void sigintStopsTheJobAndExits130() throws Exception {
        Process process = start("run", "Sales/Long Load", "--poll", "100ms");
        emulator.awaitRun("Sales/Long Load", TestCatalog.WAIT, "RUNNING");
        signal(process, "INT");
        assertExits(process, 130);
        EmulatedRun run = emulator.awaitRun("Sales/Long Load", TestCatalog.WAIT, "STOPPING", "STOPPED");
        assertThat(run.runId()).isEqualTo("1");
        assertThat(err()).contains("interrupted; stopped Sales/Long Load run 1");
    }

    @Test
    void sigtermStopsTheJobAndExits143() throws Exception {
        Process process = start("run", "Sales/Long Load", "--poll", "100ms");
        emulator.awaitRun("Sales/Long Load", TestCatalog.WAIT, "RUNNING");
        signal(process, "TERM");
        assertExits(process, 143);
        emulator.awaitRun("Sales/Long Load", TestCatalog.WAIT, "STOPPING", "STOPPED");
    }

    @ParameterizedTest(name = "SIG{0} with --on-interrupt leave exits {1}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void onInterruptLeaveLeavesTheJobRunning(String signal, int exitCode) throws Exception {
        Process process = start("run", "Sales/Long Load", "--poll", "100ms", "--on-interrupt", "leave");
        emulator.awaitRun("Sales/Long Load", TestCatalog.WAIT, "RUNNING");
        signal(process, signal);
        assertExits(process, exitCode);
        assertThat(TestCatalog.runsOf(emulator, "Sales/Long Load")).singleElement()
                .extracting(EmulatedRun::state).isEqualTo("RUNNING");
        assertThat(emulator.requests().count("POST /saas/api/v2/job/stop")).isZero();
        assertThat(err()).contains("left Sales/Long Load run 1 running");
    }

    @Test
    void sigtermTerminatesATaskflowRunAndExits143() throws Exception {
        Process process = start("run", "Orchestration/Slow Flow", "--poll", "100ms");
        emulator.awaitRun("Orchestration/Slow Flow", TestCatalog.WAIT, "RUNNING");
        // A taskflow run shows at once; signal only once iicsctl follows it (its first status call).
        Awaits.request(emulator, "GET /active-bpel/services/tf/status/{runId}");
        signal(process, "TERM");
        assertExits(process, 143);
        assertThat(TestCatalog.runsOf(emulator, "Orchestration/Slow Flow")).singleElement().satisfies(run -> {
            assertThat(run.state()).isEqualTo("FAILED");
            assertThat(run.errorMessage()).contains("terminated by user");
        });
        assertThat(err()).containsPattern("interrupted; stopped Orchestration/Slow Flow run \\d+");
    }

    private static final String START = "POST /saas/api/v2/job";

    @ParameterizedTest(name = "SIG{0} while the start answer is late stops the job it started and exits {1}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalWhileTheStartAnswerIsLateStopsTheJobItStarted(String signal, int exitCode) throws Exception {
        emulator.addFault(FaultRule.delay("POST", "/saas/api/v2/job", Duration.ofSeconds(8)).times(1));
        Process process = start("run", "Sales/Long Load", "--poll", "100ms");
        Awaits.request(emulator, START);
        signal(process, signal);
        assertExits(process, exitCode);
        assertThat(TestCatalog.runsOf(emulator, "Sales/Long Load")).singleElement()
                .extracting(EmulatedRun::state).isIn("STOPPING", "STOPPED");
        assertThat(emulator.requests().count(START)).isEqualTo(1);
        assertThat(err()).contains("interrupted; stopped Sales/Long Load run 1");
    }

    @Test
    void aSigtermWhenTheStartAnswerIsLostStopsTheJobItStarted() throws Exception {
        emulator.addFault(FaultRule.dropAfter("POST", "/saas/api/v2/job").delay(Duration.ofSeconds(3)).times(1));
        Process process = start("run", "Sales/Long Load", "--poll", "100ms");
        Awaits.request(emulator, START);
        signal(process, "TERM");
        assertExits(process, 143);
        assertThat(TestCatalog.runsOf(emulator, "Sales/Long Load")).singleElement()
                .extracting(EmulatedRun::state).isIn("STOPPING", "STOPPED");
        assertThat(err()).contains("interrupted; stopped Sales/Long Load run 1");
    }

    @Test
    void onInterruptLeaveDuringTheStartLeavesTheJobAndSaysWhich() throws Exception {
        emulator.addFault(FaultRule.delay("POST", "/saas/api/v2/job", Duration.ofSeconds(8)).times(1));
        Process process = start("run", "Sales/Long Load", "--poll", "100ms", "--on-interrupt", "leave");
        Awaits.request(emulator, START);
        signal(process, "TERM");
        assertExits(process, 143);
        assertThat(TestCatalog.runsOf(emulator, "Sales/Long Load")).singleElement()
                .extracting(EmulatedRun::state).isIn("QUEUED", "RUNNING");
        assertThat(emulator.requests().count("POST /saas/api/v2/job/stop")).isZero();
        assertThat(err()).contains("left Sales/Long Load run 1 running");
    }

    @Test
    void aSigtermWhileATaskflowRunRequestIsInFlightTerminatesTheRun() throws Exception {
        emulator.addFault(FaultRule.delay("POST", "/active-bpel/rt/Slow_Flow", Duration.ofSeconds(8)).times(1));
        Process process = start("run", "Orchestration/Slow Flow", "--poll", "100ms");
        Awaits.request(emulator, "POST /active-bpel/rt/{apiName}");
        signal(process, "TERM");
        assertExits(process, 143);
        assertThat(TestCatalog.runsOf(emulator, "Orchestration/Slow Flow")).singleElement()
                .satisfies(run -> assertThat(run.errorMessage()).contains("terminated by user"));
        assertThat(err()).containsPattern("interrupted; stopped Orchestration/Slow Flow run \\d+");
    }

    @Test
    void aSignalDuringLoginExitsAtOnceAndStartsNothing() throws Exception {
        emulator.addFault(FaultRule.delay("POST", "/ma/api/v2/user/login", Duration.ofSeconds(3)).times(1));
        Process process = start("run", "Sales/Long Load", "--poll", "100ms");
        Awaits.request(emulator, TestCatalog.LOGIN);
        signal(process, "TERM");
        assertExits(process, 143);
        Thread.sleep(4000); // past the late login answer: a process that lived on would start the job now
        assertThat(emulator.requests().count(START)).isZero();
        assertThat(emulator.runs()).isEmpty();
    }

    @Test
    void aStopThatIicsNeverAnswersIsGivenUpAfterABoundWithALineSayingSo() throws Exception {
        emulator.addFault(FaultRule.delay("POST", "/saas/api/v2/job/stop", Duration.ofMinutes(10)));
        Process process = start("run", "Sales/Long Load", "--poll", "100ms");
        emulator.awaitRun("Sales/Long Load", TestCatalog.WAIT, "RUNNING");
        signal(process, "TERM");
        // Unbounded, the stop would wait out the read timeout (120 s) on each of its attempts.
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited while IICS held the stop").isTrue();
        assertThat(process.exitValue()).as(err()).isEqualTo(143);
        assertThat(err()).contains("could not be confirmed").contains("iicsctl stop");
    }
}
