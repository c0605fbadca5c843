package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.emulator.fault.FaultRule;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An answer later than the read timeout is a connection error that names the timeout as set. */
@Timeout(30)
class ReadTimeoutTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.withCatalogYaml(TestCatalog.YAML);

    @Test
    void aSubSecondReadTimeoutIsNamedInMilliseconds() {
        EMULATOR.get().addFault(FaultRule.delay("GET", "/saas/api/v2/activity/activityMonitor", Duration.ofSeconds(2)));
        try (IicsClient iics = TestCatalog.client(EMULATOR.get().loginUrl()).readTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> iics.monitor().running())
                    .isInstanceOf(IicsConnectionException.class)
                    .hasMessageContaining("did not answer GET")
                    .hasMessageContaining("within 300 ms");
        }
    }
}
