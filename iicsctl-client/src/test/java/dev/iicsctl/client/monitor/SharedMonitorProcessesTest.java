package dev.iicsctl.client.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.time.MovableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real processes (child JVMs) follow a run each with one snapshot folder: between them they poll the
 * activity monitor about once per interval, not once each. Counted from the emulator's request log and the
 * children's own traces; the emulator's clock ends the runs once enough looks have been made.
 */
@Timeout(180)
class SharedMonitorProcessesTest {

    private static final String CATALOG = """
            tasks:
              - {path: Hosts/One, type: MTT, run: {duration: 20m}}
              - {path: Hosts/Two, type: MTT, run: {duration: 20m}}
            """;
    private static final Pattern RESULT = Pattern.compile("RESULT state=(\\w+) polls=(\\d+) shared=(\\d+)");

    @TempDir
    Path folder;

    @Test
    void twoProcessesWithOneFolderMakeAboutOnePollPerInterval() throws Exception {
        MovableClock clock = MovableClock.running(Instant.now());
        try (Emulator emulator = Emulator.builder().catalogYaml(CATALOG).clock(clock)
                .visibilityDelay(Duration.ofMillis(50)).build().start()) {
            List<Process> children = new ArrayList<>();
            for (String task : List.of("Hosts/One", "Hosts/Two")) {
                children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                        SharedMonitorChild.class.getName(), emulator.loginUrl().toString(), folder.toString(), task,
                        "300").redirectErrorStream(true).start());
            }
            // Both follow their runs for a while (two starts, then 20 polls at the monitor between them) ...
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (emulator.requests().count("POST /saas/api/v2/job") < 2 || emulator.runs().size() < 2
                    || emulator.requests().count("GET /saas/api/v2/activity/activityMonitor") < 20) {
                assertThat(System.nanoTime()).as("children got going").isLessThan(deadline);
                Thread.sleep(50);
                for (Process p : children) {
                    assertThat(p.isAlive() || p.exitValue() == 0).as("child alive").isTrue();
                }
            }
            // ... then the runs end.
            clock.advance(Duration.ofMinutes(25)); // past the runs' ends, within the session idle limit
            int polls = 0;
            int looks = 0;
            for (Process p : children) {
                assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("child ended").isTrue();
                String out = output(p);
                System.out.println("child: " + out.trim().replace('\n', '|'));
                Matcher m = RESULT.matcher(out);
                assertThat(m.find()).as(out).isTrue();
                assertThat(m.group(1)).isEqualTo("SUCCEEDED");
                polls += Integer.parseInt(m.group(2));
                looks += Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3));
            }
            long monitorCalls = emulator.requests().count("GET /saas/api/v2/activity/activityMonitor");
            System.out.println("two processes: " + looks + " looks at the monitor, " + monitorCalls + " polls");
            assertThat(monitorCalls).isEqualTo(polls);
            assertThat(monitorCalls).isLessThanOrEqualTo(looks * 6L / 10 + 2);
        }
    }

    private static String output(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
