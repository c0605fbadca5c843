package dev.iicsctl.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsAuthException;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.support.ControlApi;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A session ended by someone else right after a fresh login is not taken for a refusal of the resource. */
@Timeout(30)
class SessionRenewalTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.withCatalogYaml(TestCatalog.YAML);

    private static final String LOGIN = "POST /ma/api/v2/user/login";
    private static final String MONITOR = "GET /saas/api/v2/activity/activityMonitor";

    private IicsClient iics;
    private ControlApi control;

    @BeforeEach
    void setUp() {
        iics = TestCatalog.client(EMULATOR.get().loginUrl()).build();
        control = new ControlApi(EMULATOR.get().loginUrl());
        iics.auth().session();
    }

    @AfterEach
    void tearDown() {
        iics.close();
    }

    @Test
    void aFreshSessionEndedAtOnceIsReplacedOnceMore() {
        control.fault("{'method':'GET','path':'/saas/api/v2/activity/activityMonitor','times':2,'action':'status',"
                + "'status':401}");
        assertThat(iics.monitor().running()).isEmpty();
        assertThat(control.count(LOGIN)).as("first login and two fresh ones").isEqualTo(3);
        assertThat(control.count(MONITOR)).isEqualTo(3);
    }

    @Test
    void aResourceThatRefusesEveryFreshSessionIsAnAuthenticationErrorAfterTwoLogins() {
        control.fault("{'method':'GET','path':'/saas/api/v2/activity/activityMonitor','action':'status','status':401}");
        assertThatThrownBy(() -> iics.monitor().running())
                .isInstanceOf(IicsAuthException.class)
                .hasMessageContaining("refused a fresh session");
        assertThat(control.count(LOGIN)).isEqualTo(3);
        assertThat(control.count(MONITOR)).isEqualTo(3);
    }
}
