package dev.iicsctl.client.internal.sharedmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.iicsctl.client.internal.http.HttpTrace;
import dev.iicsctl.client.internal.http.Redactor;
import dev.iicsctl.client.internal.job.MonitorSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A look at a steady interval uses another process's snapshot only when it is just behind that snapshot's poll;
 * one further behind waits for the next poll instead, so that followers see each poll as soon as it is made and
 * a run's end is seen at the first poll after it. Request counts only: the waits are short and real.
 */
@Timeout(30)
class KeepPaceTest {

    private static final SnapshotScope WHO = SnapshotScope.of("pod.example.com:443", "someone@example.com");
    private static final Duration INTERVAL = Duration.ofMillis(600);

    @TempDir
    Path folder;

    private final AtomicInteger polls = new AtomicInteger();
    private final MonitorSource direct = (maxAge, keepPace) -> {
        polls.incrementAndGet();
        return List.of(entry("polled"));
    };

    private SharedMonitor shared() {
        return new SharedMonitor(new SnapshotFolder(folder, 1 << 20), Clock.systemUTC(), () -> WHO, direct,
                new HttpTrace(new Redactor(), null));
    }

    private void leaveSnapshot(Duration age) throws Exception {
        SnapshotFolder files = new SnapshotFolder(folder, 1 << 20);
        files.create();
        files.write(new Snapshot(WHO, Instant.now().minus(age), List.of(entry("snapshot"))));
    }

    private static JsonNode entry(String name) {
        return JsonNodeFactory.instance.objectNode().put("taskName", name).put("runId", 1);
    }

    @Test
    void aSnapshotJustBehindItsPollIsUsed() throws Exception {
        leaveSnapshot(SharedMonitor.inStep(INTERVAL).dividedBy(4));
        List<JsonNode> seen = shared().entries(INTERVAL, true);
        assertThat(seen).extracting(e -> e.path("taskName").asText()).containsExactly("snapshot");
        assertThat(polls).hasValue(0);
    }

    @Test
    void aKeepPaceLookFurtherBehindWaitsForTheNextPollInsteadOfUsingTheOldSnapshot() throws Exception {
        // A third of the interval behind: the look waits out the rest of the interval. No other process polls
        // here, so once the snapshot is an interval old the look makes the one poll itself.
        leaveSnapshot(INTERVAL.dividedBy(3));
        List<JsonNode> seen = shared().entries(INTERVAL, true);
        assertThat(seen).extracting(e -> e.path("taskName").asText()).containsExactly("polled");
        assertThat(polls).hasValue(1);
    }

    @Test
    void aLookThatDoesNotKeepPaceTakesAnySnapshotYoungerThanItsMaxAge() throws Exception {
        leaveSnapshot(INTERVAL.dividedBy(3));
        List<JsonNode> seen = shared().entries(INTERVAL, false);
        assertThat(seen).extracting(e -> e.path("taskName").asText()).containsExactly("snapshot");
        assertThat(polls).hasValue(0);
    }

    @Test
    void theToleranceIsATenthOfTheIntervalAtMostAQuarterSecond() {
        assertThat(SharedMonitor.inStep(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(100));
        assertThat(SharedMonitor.inStep(Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(250));
    }
}
