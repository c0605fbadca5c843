package dev.iicsctl.client.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.support.EmulatedIics;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.support.VirtualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LogServiceTest {

    private static final VirtualTime TIME = VirtualTime.startingNow();

    @RegisterExtension
    static final EmulatedIics IICS = EmulatedIics.onVirtualTime(TIME, TestCatalog.YAML);

    private final IicsClient iics = IICS.client();

    private RunResult run(String path) {
        return iics.jobs().await(iics.jobs().start(iics.tasks().resolve(path)), Duration.ofSeconds(30));
    }

    @Test
    void sessionLogOfAFinishedRunAsText() {
        RunResult result = run("Sales/Load Orders");
        List<LogFile> logs = iics.logs().sessionLogs(result);
        assertThat(logs).isNotEmpty();
        assertThat(logs.get(0).kind()).isEqualTo(LogFile.Kind.SESSION);
        assertThat(logs.get(0).entryId()).isEqualTo(result.logEntryId());
        assertThat(logs.get(0).text()).isNotBlank();
        assertThat(logs.get(0).fileName()).startsWith("Load_Orders-" + result.runId() + "-").endsWith(".session.log");
    }

    @Test
    void logsOfAFailedRunAreWrittenIntoADirectory(@TempDir Path dir) throws Exception {
        RunResult failed = run("Finance/Load Orders");
        assertThat(failed.state()).isEqualTo(RunState.FAILED);
        Path out = dir.resolve("logs");
        List<Path> files = iics.logs().saveAll(failed, out);
        assertThat(files).isNotEmpty().allSatisfy(f -> {
            assertThat(f).startsWith(out).exists();
            assertThat(Files.size(f)).isPositive();
        });
        assertThat(files).extracting(p -> p.getFileName().toString()).doesNotHaveDuplicates();
    }

    @Test
    void aLinearTaskflowGivesTheLogsOfItsChildren() {
        RunResult linear = run("Nightly/Linear Load");
        List<LogFile> logs = iics.logs().sessionLogs(linear);
        System.out.println("linear taskflow: " + linear.children().size() + " child entries, " + logs.size()
                + " session logs: " + logs.stream().map(LogFile::fileName).toList());
        assertThat(linear.children()).hasSize(2);
        assertThat(logs).hasSize(1 + linear.children().size());
        assertThat(logs).extracting(LogFile::fileName).doesNotHaveDuplicates();
        assertThat(logs).extracting(LogFile::text).doesNotHaveDuplicates();
        assertThat(logs.subList(1, logs.size())).extracting(LogFile::taskName)
                .containsExactly("Load Orders", "Sync Accounts");
    }

    @Test
    void anUnfinishedRunHasNoLogsYet() {
        RunResult running = iics.jobs().status(iics.jobs().start(iics.tasks().resolve("Sales/Slow Load")));
        assertThatThrownBy(() -> iics.logs().sessionLogs(running))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("once the run has finished");
    }
}
