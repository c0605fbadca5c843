package dev.iicsctl.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsAuthException;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.support.EmulatedIics;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A session ended by someone else right after a fresh login is not taken for a refusal of the resource. */
@Timeout(30)
class SessionRenewalTest {

    @RegisterExtension
    static final EmulatedIics IICS = EmulatedIics.withCatalogYaml(TestCatalog.YAML);

    private static final String LOGIN = "POST /ma/api/v2/user/login";
    private static final String MONITOR = "GET /saas/api/v2/activity/activityMonitor";

    private final IicsClient iics = IICS.client();
    private final Emulator emulator = IICS.emulator();

    @BeforeEach
    void setUp() {
        iics.auth().session();
    }

    @Test
    void aFreshSessionEndedAtOnceIsReplacedOnceMore() {
        emulator.addFault(FaultRule.status("GET", "/saas/api/v2/activity/activityMonitor", 401).times(2));
        assertThat(iics.monitor().running()).isEmpty();
        assertThat(emulator.requests().count(LOGIN)).as("first login and two fresh ones").isEqualTo(3);
        assertThat(emulator.requests().count(MONITOR)).isEqualTo(3);
    }

    @Test
    void aResourceThatRefusesEveryFreshSessionIsAnAuthenticationErrorAfterTwoLogins() {
        emulator.addFault(FaultRule.status("GET", "/saas/api/v2/activity/activityMonitor", 401));
        assertThatThrownBy(() -> iics.monitor().running())
                .isInstanceOf(IicsAuthException.class)
                .hasMessageContaining("refused a fresh session");
        assertThat(emulator.requests().count(LOGIN)).isEqualTo(3);
        assertThat(emulator.requests().count(MONITOR)).isEqualTo(3);
    }
}
