package dev.iicsctl.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.support.ControlApi;
import dev.iicsctl.client.support.MemorySessionStore;
import dev.iicsctl.client.support.TestCatalog;
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
    private ControlApi control;
    private URI loginUrl;

    @BeforeEach
    void setUp() {
        loginUrl = EMULATOR.get().loginUrl();
        control = new ControlApi(loginUrl);
        try (IicsClient first = TestCatalog.client(loginUrl).sessionStore(store).build()) {
            first.monitor().running();
        }
        control.reset();
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
        assertThat(control.count(LOGIN)).isEqualTo(1);
        assertThat(storedSession().serverUrl()).isNotEqualTo(gone);
    }

    @Test
    void aFreshLoginNamingAPodThatRefusesConnectionsIsNotRetried() throws IOException {
        store.sessions.clear();
        URI gone = closedPort();
        control.fault("{'method':'POST','path':'/ma/api/v2/user/login','action':'status','status':200,"
                + "'contentType':'application/json','body':'{\\'icSessionId\\':\\'FreshSession00000000001\\',"
                + "\\'serverUrl\\':\\'" + gone + "\\'}'}");
        try (IicsClient iics = client()) {
            assertThatThrownBy(() -> iics.monitor().running())
                    .isInstanceOf(IicsConnectionException.class)
                    .hasMessageContaining(gone.getAuthority());
        }
        assertThat(control.count(LOGIN)).isEqualTo(1);
    }

    @Test
    void aRefusalAfterASharedSessionEarnsOneMoreLogin() {
        control.fault("{'method':'GET','path':'/saas/api/v2/activity/activityMonitor','times':3,'action':'status',"
                + "'status':401}");
        try (IicsClient iics = client()) {
            assertThat(iics.monitor().running()).isEmpty();
        }
        assertThat(control.count(LOGIN)).as("the stored session, then three fresh ones").isEqualTo(3);
        assertThat(control.count(MONITOR)).isEqualTo(4);
    }

    @Test
    void aStoredPodOverPlainHttpElsewhereNeverReceivesTheSession() {
        storeWithPod(URI.create("http://127.0.0.1.attacker.example/saas"));
        try (IicsClient iics = client()) {
            assertThat(iics.monitor().running()).isEmpty();
        }
        assertThat(trace).noneMatch(line -> line.startsWith(">") && line.contains("attacker.example"));
        assertThat(control.count(LOGIN)).isEqualTo(1);
    }
}
