package dev.iicsctl.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.support.MemorySessionStore;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A session from the store was obtained by another process, maybe long ago: a pod that has moved, a refusal right
 * after someone else's re-login, or a pod URL edited into the store are each handled as the fresh login would be.
 */
@Timeout(30)
class StoredSessionTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.withCatalogYaml(TestCatalog.YAML);

    private static final String LOGIN = "POST /ma/api/v2/user/login";
    private static final String MONITOR = "GET /saas/api/v2/activity/activityMonitor";

    private final MemorySessionStore store = new MemorySessionStore();
    private final List<String> trace = new CopyOnWriteArrayList<>();
    private Emulator emulator;
    private URI loginUrl;

    @BeforeEach
    void setUp() {
        loginUrl = EMULATOR.get().loginUrl();
        emulator = EMULATOR.get();
        try (IicsClient first = TestCatalog.client(loginUrl).sessionStore(store).build()) {
            first.monitor().running();
        }
        emulator.reset();
    }

    private Session storedSession() {
        return store.sessions.values().iterator().next();
    }

    private void storeWithPod(URI serverUrl) {
        Session s = storedSession();
        store.sessions.replaceAll((k, v) -> new Session(s.id(), serverUrl, s.username(), s.loginUrl(),
                s.authVersion(), s.obtainedAt(), Instant.now()));
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/saas");
        }
    }

    private IicsClient client() {
        return TestCatalog.client(loginUrl).sessionStore(store).traceListener(trace::add).build();
    }

    @Test
    void aStoredSessionWhosePodRefusesConnectionsIsReplacedByOneLogin() throws IOException {
        URI gone = closedPort();
        storeWithPod(gone);
        try (IicsClient iics = client()) {
            assertThat(iics.monitor().running()).isEmpty();
            assertThat(iics.auth().session().serverUrl()).isNotEqualTo(gone);
        }
        assertThat(emulator.requests().count(LOGIN)).isEqualTo(1);
        assertThat(storedSession().serverUrl()).isNotEqualTo(gone);
    }

    @Test
    void aFreshLoginNamingAPodThatRefusesConnectionsIsNotRetried() throws IOException {
        store.sessions.clear();
        URI gone = closedPort();
        emulator.addFault(FaultRule.status("POST", "/ma/api/v2/user/login", 200, "application/json",
                "{\"icSessionId\":\"FreshSession00000000001\",\"serverUrl\":\"" + gone + "\"}"));
        try (IicsClient iics = client()) {
            assertThatThrownBy(() -> iics.monitor().running())
                    .isInstanceOf(IicsConnectionException.class)
                    .hasMessageContaining(gone.getAuthority());
        }
        assertThat(emulator.requests().count(LOGIN)).isEqualTo(1);
    }

    @Test
    void aRefusalAfterASharedSessionEarnsOneMoreLogin() {
        emulator.addFault(FaultRule.status("GET", "/saas/api/v2/activity/activityMonitor", 401).times(3));
        try (IicsClient iics = client()) {
            assertThat(iics.monitor().running()).isEmpty();
        }
        assertThat(emulator.requests().count(LOGIN)).as("the stored session, then three fresh ones").isEqualTo(3);
        assertThat(emulator.requests().count(MONITOR)).isEqualTo(4);
    }

    @Test
    void aStoredPodOverPlainHttpElsewhereNeverReceivesTheSession() {
        storeWithPod(URI.create("http://127.0.0.1.attacker.example/saas"));
        try (IicsClient iics = client()) {
            assertThat(iics.monitor().running()).isEmpty();
        }
        assertThat(trace).noneMatch(line -> line.startsWith(">") && line.contains("attacker.example"));
        assertThat(emulator.requests().count(LOGIN)).isEqualTo(1);
    }
}
