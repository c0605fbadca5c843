package dev.iicsctl.client.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.support.VirtualTime;
import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.Emulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A run that is in neither the monitor nor the log is "not yet visible", never finished. */
@Timeout(60)
class VisibilityWindowTest {

    private static final VirtualTime TIME = VirtualTime.startingNow();

    private static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = TIME.emulator(TestCatalog.YAML).visibilityDelay(Duration.ofMillis(1500)).build()
                .start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aRunInTheVisibilityWindowIsNeverReportedFinished() {
        try (IicsClient iics = TIME.drive(TestCatalog.client(emulator.loginUrl())).build()) {
            // "Load Orders" takes 300 ms, far less than the 1.5 s window: a client that takes "absent from the
            // monitor" for "done" would report it finished at once.
            RunHandle run = iics.jobs().start(iics.tasks().resolve("Sales/Load Orders"));
            RunResult early = iics.jobs().status(run);
            assertThat(early.state()).isEqualTo(RunState.NOT_YET_VISIBLE);
            assertThat(early.isFinished()).isFalse();

            List<RunResult> progress = new CopyOnWriteArrayList<>();
            RunResult result = iics.jobs().await(run, Duration.ofSeconds(30), progress::add);
            assertThat(result.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(progress.get(0).state()).isEqualTo(RunState.NOT_YET_VISIBLE);
            assertThat(progress.subList(0, progress.size() - 1)).noneMatch(RunResult::isFinished);
            EmulatedRun truth = emulator.runs().get(0);
            assertThat(truth.state()).isEqualTo("SUCCEEDED");
        }
    }
}
