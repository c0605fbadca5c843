package dev.iicsctl.cli.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.ChildIicsctl;
import dev.iicsctl.emulator.Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code iicsctl run} processes of one user, in one cache folder, following different tasks at the
 * same interval: the activity monitor is polled for both by whichever polls first, and the other takes its
 * snapshot. The counts come from the emulator and from each process's own trace, so the test asks whether
 * the polls were shared, not how fast anything was.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TwoProcessesShareMonitorTest {

    private static final String MONITOR = "GET /saas/api/v2/activity/activityMonitor";
    private static final String CATALOG = """
            tasks:
              - {path: Host/First, type: MTT, run: {duration: 6s}}
              - {path: Host/Second, type: MTT, run: {duration: 6s}}
            """;

    @TempDir
    Path home;

    @Test
    void twoProcessesInOneCacheFolderShareTheirMonitorPolls() throws Exception {
        try (Emulator emulator = Emulator.builder().catalogYaml(CATALOG).visibilityDelay(Duration.ofMillis(100))
                .build().start()) {
            Path login = Files.createDirectories(home.resolve("login"));
            assertThat(ChildIicsctl.start(emulator, login, home, "login").waitFor()).isZero();
            Path first = Files.createDirectories(home.resolve("first"));
            Path second = Files.createDirectories(home.resolve("second"));
            Process a = ChildIicsctl.start(emulator, first, home, "run", "Host/First", "-t", "MTT", "--poll", "300ms", "--verbose");
            Process b = ChildIicsctl.start(emulator, second, home, "run", "Host/Second", "-t", "MTT", "--poll", "300ms", "--verbose");
            assertThat(a.waitFor(60, TimeUnit.SECONDS) && b.waitFor(60, TimeUnit.SECONDS)).as("both ended").isTrue();
            assertThat(a.exitValue()).as(Files.readString(first.resolve("err.txt"))).isZero();
            assertThat(b.exitValue()).as(Files.readString(second.resolve("err.txt"))).isZero();

            List<String> trace = List.of(Files.readString(first.resolve("err.txt")),
                    Files.readString(second.resolve("err.txt")));
            long polled = trace.stream().mapToLong(t -> count(t, "/activity/activityMonitor ")).sum();
            long shared = trace.stream().mapToLong(t -> count(t, "* using the shared activity monitor snapshot")).sum();
            assertThat(emulator.requests().count(MONITOR)).as("every monitor call is in a trace").isEqualTo(polled);
            // Each process looks about 20 times in its 6 s at 300 ms; polling alone, no look is another's
            // snapshot. Sharing answers about half of all looks; a few already show it across processes.
            assertThat(shared).as("looks answered by the other process's poll (%d polls)", polled)
                    .isGreaterThanOrEqualTo(5);
        }
    }

    /** Lines of the trace that start a request to, or take a snapshot of, the monitor. */
    private static long count(String trace, String marker) {
        return trace.lines().filter(l -> marker.startsWith("*") ? l.startsWith(marker) : l.startsWith("> GET ")
                && l.contains(marker)).count();
    }
}
