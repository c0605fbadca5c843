package dev.iicsctl.client.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.support.VirtualTime;
import dev.iicsctl.emulator.Emulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A wait longer than the session timeout survives by logging in again. */
@Timeout(60)
class LongWaitTest {

    private static final VirtualTime TIME = VirtualTime.startingNow();

    private static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = TIME.emulator(TestCatalog.YAML).sessionTimeout(Duration.ofSeconds(1)).build()
                .start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void awaitOutlivesTheSession() {
        // Polls 1.4 s apart with a 1 s idle timeout: the session ends between polls, at least once.
        try (IicsClient iics = TIME.drive(TestCatalog.client(emulator.loginUrl()))
                .pollPolicy(PollPolicy.fixed(Duration.ofMillis(1400))).build()) {
            RunHandle run = iics.jobs().start(iics.tasks().resolve("Sales/Slow Load"));
            RunResult result = iics.jobs().await(run, Duration.ofSeconds(30));
            assertThat(result.state()).isEqualTo(RunState.SUCCEEDED);
        }
        long logins = emulator.requests().count("POST /ma/api/v2/user/login");
        System.out.println("logins during a wait longer than the session timeout: " + logins);
        assertThat(logins).isGreaterThanOrEqualTo(2);
        assertThat(emulator.runs()).hasSize(1);
    }
}
