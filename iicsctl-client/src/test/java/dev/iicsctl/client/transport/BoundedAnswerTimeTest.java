package dev.iicsctl.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.RetryPolicy;
import dev.iicsctl.client.support.MemorySessionStore;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.emulator.fault.FaultRule;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The read timeout bounds the whole answer, headers and body: an answer whose headers come at once but whose
 * body stalls or trickles fails the attempt once the timeout has passed, and is retried like any timeout.
 */
@Timeout(60)
class BoundedAnswerTimeTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.withCatalogYaml(TestCatalog.YAML);

    private static final String MONITOR = "/saas/api/v2/activity/activityMonitor";
    private static final String LOOKUP = "/saas/public/core/v3/lookup";

    @AfterEach
    void tearDown() {
        EMULATOR.get().clearFaults();
    }

    /** The session is obtained with the usual timeout, so that a slow login on a busy machine is no failure. */
    private static IicsClient client(RetryPolicy retries) {
        MemorySessionStore sessions = new MemorySessionStore();
        try (IicsClient login = TestCatalog.client(EMULATOR.get().loginUrl()).sessionStore(sessions).build()) {
            login.auth().session();
        }
        return TestCatalog.client(EMULATOR.get().loginUrl()).readTimeout(Duration.ofMillis(500))
                .sessionStore(sessions).retryPolicy(retries).build();
    }

    @Test
    void aBodyThatNeverComesFailsTheCallAtTheReadTimeout() {
        try (IicsClient iics = client(RetryPolicy.none())) {
            EMULATOR.get().addFault(FaultRule.stall("GET", MONITOR));
            assertThatThrownBy(() -> iics.monitor().running())
                    .isInstanceOf(IicsConnectionException.class)
                    .hasMessageContaining("did not answer GET /saas/api/v2/activity/activityMonitor")
                    .hasMessageContaining("within 500 ms");
        }
    }

    @Test
    void aBodyThatDripsFailsTheCallAtTheReadTimeout() {
        try (IicsClient iics = client(RetryPolicy.none())) {
            // About 300 bytes at one per 100 ms: half a minute for an answer the timeout allows half a second.
            EMULATOR.get().addFault(FaultRule.drip("POST", LOOKUP, Duration.ofMillis(100)));
            assertThatThrownBy(() -> iics.tasks().resolve("Sales/Load Orders", TaskType.MTT))
                    .isInstanceOf(IicsConnectionException.class)
                    .hasMessageContaining("did not answer POST /saas/public/core/v3/lookup")
                    .hasMessageContaining("within 500 ms");
        }
    }

    @Test
    void aStalledReadIsRetriedAndThenGivesUpAfterTheAttempts() {
        try (IicsClient iics = client(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), true))) {
            EMULATOR.get().addFault(FaultRule.stall("GET", MONITOR));
            assertThatThrownBy(() -> iics.monitor().running())
                    .isInstanceOf(IicsConnectionException.class)
                    .hasMessageContaining("within 500 ms after 3 attempts");
        }
        assertThat(EMULATOR.get().requests().count("GET " + MONITOR)).isEqualTo(3);
    }

    @Test
    void aStallThatEndsIsRetriedIntoSuccess() {
        try (IicsClient iics = client(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), true))) {
            EMULATOR.get().addFault(FaultRule.stall("GET", MONITOR).times(1));
            assertThat(iics.monitor().running()).isEmpty();
        }
    }
}
