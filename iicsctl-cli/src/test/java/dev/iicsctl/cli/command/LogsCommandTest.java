package dev.iicsctl.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LogsCommandTest extends EmulatorTestBase {

    @Test
    void printsTheSessionLogOfTheLatestRun() {
        assertThat(runTask("Finance/Post Invoices").exitCode()).isEqualTo(1);
        CliRun.Result result = cli.execute("logs", "Finance/Post Invoices");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Post Invoices");
    }

    @Test
    void writesAGivenRunsLogToAFile() throws Exception {
        assertThat(runTask("Sales/Load Orders").exitCode()).isZero();
        assertThat(runTask("Sales/Load Orders").exitCode()).isZero();
        Path file = home.resolve("out/run-1.log");
        CliRun.Result result = cli.execute("logs", "Sales/Load Orders", "--run-id", "1", "--out", file.toString(),
                "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(file)).contains("Load Orders");
        assertThat(jsonLines(result).get(0).get("file").asText()).isEqualTo(file.toString());
        assertThat(jsonLines(result).get(0).get("runId").asLong()).isEqualTo(1);
    }

    @Test
    void aRunningOrUnknownRunHasNoLogYet() {
        assertThat(cli.execute("logs", "Sales/Load Orders").exitCode()).isEqualTo(2);
        assertThat(cli.execute("run", "Sales/Long Load", "--no-wait").exitCode()).isZero();
        CliRun.Result result = cli.execute("logs", "Sales/Long Load", "--run-id", "7");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("run 7");
    }
}
