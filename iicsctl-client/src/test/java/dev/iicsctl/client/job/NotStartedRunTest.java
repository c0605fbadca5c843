package dev.iicsctl.client.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.emulator.Emulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Activity log state 4 (a run that never started) is a failure, never a success. */
@Timeout(30)
class NotStartedRunTest {
    @Test
    void state4IsAFailureWithItsMessage() {
        try (Emulator emu = Emulator.builder().catalogYaml("""
                tasks:
                  - {path: Ops/No Agent, type: MTT, run: {duration: 300ms, outcome: not-started}}
                """).visibilityDelay(Duration.ofMillis(50)).build().start();
             IicsClient iics = TestCatalog.client(emu.loginUrl()).pollPolicy(PollPolicy.fixed(Duration.ofMillis(50)))
                     .build()) {
            RunResult result = iics.jobs().await(iics.jobs().start(iics.tasks().resolve("Ops/No Agent")),
                    Duration.ofSeconds(20));
            assertThat(result.state()).isEqualTo(RunState.FAILED);
            assertThat(result.state().isSuccess()).isFalse();
            assertThat(result.errorMessage()).contains("could not start");
        }
    }
}
