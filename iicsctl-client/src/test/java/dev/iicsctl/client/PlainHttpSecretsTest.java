package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The session id is as secret as the password: a login answer that names a pod over plain http (a downgrade)
 * is refused before the session id is sent anywhere, unless the pod is the loopback host.
 */
@Timeout(30)
class PlainHttpSecretsTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.withCatalogYaml(TestCatalog.YAML);

    @Test
    void aLoginAnswerNamingAPlainHttpPodElsewhereIsRefused() {
        Emulator emulator = EMULATOR.get();
        emulator.addFault(FaultRule.status("POST", "/ma/api/v2/user/login", 200, "application/json",
                "{\"icSessionId\":\"DowngradeSession0000001\",\"serverUrl\":\"http://pod.example.com/saas\"}"));
        try (IicsClient iics = TestCatalog.client(EMULATOR.get().loginUrl()).build()) {
            assertThatThrownBy(() -> iics.monitor().running())
                    .isInstanceOf(IicsApiException.class)
                    .hasMessageContaining("http://pod.example.com")
                    .hasMessageContaining("not https")
                    .hasMessageNotContaining("DowngradeSession0000001");
        }
        assertThat(emulator.requests().total()).as("only the login call was made").isEqualTo(1);
    }

    @Test
    void aLoopbackPodOverPlainHttpIsTheEmulatorAndAccepted() {
        try (IicsClient iics = TestCatalog.client(EMULATOR.get().loginUrl()).build()) {
            assertThat(iics.auth().session().serverUrl().getScheme()).isEqualTo("http");
            assertThat(iics.monitor().running()).isEmpty();
        }
    }
}
