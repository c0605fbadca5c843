package dev.iicsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What a new user meets in the first hour: values validated before a job starts and echoed as typed, messages that
 * name a thing once and the fix as it is typed, confirmations on stderr and data only on stdout.
 */
class FirstHourMessagesTest extends EmulatorTestBase {

    @Test
    void logsOnFailureThatIsAFileIsExitTwoBeforeTheJobStarts() throws Exception {
        Path file = Files.writeString(home.resolve("not-a-dir"), "x");
        CliRun.Result result = cli.execute("run", "Finance/Post Invoices", "--logs-on-failure", file.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("iicsctl: --logs-on-failure " + file + " is a file, not a directory");
        CliRun.Result under = cli.execute("run", "Finance/Post Invoices", "--logs-on-failure",
                file.resolve("logs").toString());
        assertThat(under.exitCode()).as(under.toString()).isEqualTo(2);
        assertThat(emulator.runs()).as("nothing started").isEmpty();
    }

    @Test
    void theSavedLogFilesAreNamed() throws Exception {
        Path logs = home.resolve("logs");
        CliRun.Result result = runTask("Finance/Post Invoices", "--logs-on-failure", logs.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        try (var files = Files.list(logs)) {
            for (Path saved : files.toList()) {
                assertThat(result.err()).contains(saved.toString());
            }
        }
        assertThat(result.err()).contains("iicsctl: saved the log");
    }

    @Test
    void aZeroTimeoutIsAUsageErrorThatEchoesTheValueAsTyped() {
        CliRun.Result result = cli.execute("run", "Sales/Load Orders", "--timeout", "0s");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err().lines().findFirst().orElseThrow()).contains("'0s' is zero").doesNotContain("PT0S");
        assertThat(cli.execute("tasks", "--read-timeout", "0m").err()).contains("'0m' is zero")
                .doesNotContain("PT0S");
        assertThat(cli.env("IICS_READ_TIMEOUT", "0s").execute("tasks").err()).contains("'0s' is zero")
                .doesNotContain("PT0S");
        assertThat(emulator.runs()).as("nothing started").isEmpty();
    }

    @Test
    void alreadyRunningNamesTheTaskOnceAndTheOptionsAsTyped() throws Exception {
        startElsewhere("Sales/Long Load");
        CliRun.Result again = cli.execute("run", "Sales/Long Load");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(7);
        String line = again.err().lines().filter(l -> l.contains("already running")).findFirst().orElseThrow();
        assertThat(line.split("Sales/Long Load", -1)).as(line).hasSize(2);
        assertThat(line).endsWith("nothing was started; use --if-running attach, wait or start")
                .doesNotContain("policy");
    }

    @Test
    void confirmationsGoToStderrAndStdoutIsDataOnly() throws Exception {
        assertThat(runTask("Sales/Load Orders").exitCode()).isZero();
        Path out = home.resolve("run.log");
        CliRun.Result saved = cli.execute("logs", "Sales/Load Orders", "--out", out.toString());
        assertThat(saved.exitCode()).as(saved.toString()).isZero();
        assertThat(saved.out()).isEmpty();
        assertThat(saved.err()).startsWith("iicsctl: saved the log of Sales/Load Orders run 1 to " + out);
    }

    @Test
    void theEmulatorOnAPortInUseSaysOneClearFix() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun.Result result = cli.execute("emulator", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.err().lines()).hasSize(1);
            assertThat(result.err()).startsWith("iicsctl: cannot listen on port " + taken.getLocalPort() + " (")
                    .contains("): choose another with --port, or 0 for any free port").doesNotContain(" or 0:");
        }
    }

    @Test
    void theDemoCountsWhatTasksListsAndFitsEightyColumns() {
        CliRun.Result demo = new CliRun(home.resolve("demo")).execute("demo");
        assertThat(demo.exitCode()).as(demo.toString()).isZero();
        assertThat(demo.err()).contains("# the 8 tasks and 3 taskflows");
        assertThat(demo.err().lines().filter(l -> l.startsWith("  ")))
                .as("the commands to try next").isNotEmpty().allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    }
}
