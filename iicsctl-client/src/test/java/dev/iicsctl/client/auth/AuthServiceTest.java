package dev.iicsctl.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsAuthException;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.support.MemorySessionStore;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class AuthServiceTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.withCatalogYaml(TestCatalog.YAML);

    private static final String V2_LOGIN = "POST /ma/api/v2/user/login";
    private static final String V3_LOGIN = "POST /saas/public/core/v3/login";

    private Emulator emulator;
    private URI loginUrl;

    @BeforeEach
    void setUp() {
        loginUrl = EMULATOR.get().loginUrl();
        emulator = EMULATOR.get();
    }

    @Test
    void v2LoginGivesASessionOnThePodHost() {
        try (IicsClient iics = TestCatalog.client(loginUrl).build()) {
            Session s = iics.auth().session();
            assertThat(s.id()).isNotBlank();
            assertThat(s.serverUrl().getPort()).isEqualTo(EMULATOR.get().podUrl().getPort());
            assertThat(s.serverUrl().getPath()).isEqualTo("/saas");
            assertThat(s.podRoot().getPath()).isEmpty();
            assertThat(s.authVersion()).isEqualTo(AuthVersion.V2);
            assertThat(s.toString()).doesNotContain(s.id());
            assertThat(iics.monitor().running()).isEmpty();
            assertThat(iics.auth().session()).isSameAs(s);
        }
        assertThat(emulator.requests().count(V2_LOGIN)).isEqualTo(1);
    }

    @Test
    void v3LoginGivesASessionThatV2CallsAccept() {
        try (IicsClient iics = TestCatalog.client(loginUrl).auth(AuthVersion.V3).build()) {
            Session s = iics.auth().session();
            assertThat(s.authVersion()).isEqualTo(AuthVersion.V3);
            assertThat(s.serverUrl().getPort()).isEqualTo(EMULATOR.get().podUrl().getPort());
            assertThat(iics.monitor().running()).isEmpty();
            assertThat(iics.tasks().resolve("Sales/Load Orders").federatedId()).isEqualTo(TestCatalog.ORDERS_FID);
        }
        assertThat(emulator.requests().count(V3_LOGIN)).isEqualTo(1);
        assertThat(emulator.requests().count(V2_LOGIN)).isZero();
    }

    @Test
    void badPasswordIsRefusedOnceAndNeverRetried() {
        for (AuthVersion version : AuthVersion.values()) {
            emulator.reset();
            try (IicsClient iics = TestCatalog.client(loginUrl).auth(version)
                    .credentials(TestCatalog.USER, "wrong-password".toCharArray()).build()) {
                assertThatThrownBy(() -> iics.monitor().running())
                        .isInstanceOf(IicsAuthException.class)
                        .hasMessageContaining("check the user name and password")
                        .hasMessageNotContaining("wrong-password")
                        .satisfies(e -> assertThat(((IicsAuthException) e).httpStatus()).isIn(400, 401, 403));
                // A second call must not try again: repeated failures lock accounts.
                assertThatThrownBy(() -> iics.jobs().running(TestCatalog.ordersTask()))
                        .isInstanceOf(IicsAuthException.class);
                assertThatThrownBy(() -> iics.auth().login()).isInstanceOf(IicsAuthException.class);
            }
            assertThat(emulator.requests().count(version == AuthVersion.V2 ? V2_LOGIN : V3_LOGIN))
                    .as(version + " logins").isEqualTo(1);
        }
    }

    @Test
    void logoutEndsTheSessionAndClearsTheStore() {
        MemorySessionStore store = new MemorySessionStore();
        try (IicsClient iics = TestCatalog.client(loginUrl).sessionStore(store).build()) {
            iics.auth().session();
            assertThat(store.sessions).hasSize(1);
            iics.auth().logout();
            assertThat(iics.auth().current()).isEmpty();
            assertThat(store.sessions).isEmpty();
            iics.monitor().running();
        }
        assertThat(emulator.requests().count("POST /saas/api/v2/user/logout")).isEqualTo(1);
        assertThat(emulator.requests().count(V2_LOGIN)).isEqualTo(2);
    }

    @Test
    void v3LogoutGoesToTheLoginHost() {
        try (IicsClient iics = TestCatalog.client(loginUrl).auth(AuthVersion.V3).build()) {
            iics.auth().session();
            iics.auth().logout();
            iics.auth().logout();
            assertThat(iics.auth().current()).isEmpty();
        }
        assertThat(emulator.requests().count("POST /saas/public/core/v3/logout")).isEqualTo(1);
    }

    @Test
    void storedSessionIsReusedWithoutALogin() {
        MemorySessionStore store = new MemorySessionStore();
        try (IicsClient first = TestCatalog.client(loginUrl).sessionStore(store).build()) {
            first.monitor().running();
        }
        try (IicsClient second = TestCatalog.client(loginUrl).sessionStore(store).build()) {
            second.monitor().running();
            assertThat(second.auth().current()).isPresent();
        }
        assertThat(emulator.requests().count(V2_LOGIN)).isEqualTo(1);
    }

    @Test
    void refusedStoredSessionCausesOneLoginAndOneRetry() {
        MemorySessionStore store = new MemorySessionStore();
        try (IicsClient first = TestCatalog.client(loginUrl).sessionStore(store).build()) {
            first.monitor().running();
        }
        emulator.expireSessions();
        Session stale = store.sessions.values().iterator().next();
        try (IicsClient second = TestCatalog.client(loginUrl).sessionStore(store).build()) {
            assertThat(second.monitor().running()).isEmpty();
            assertThat(second.auth().current()).hasValueSatisfying(s -> assertThat(s.id()).isNotEqualTo(stale.id()));
        }
        assertThat(emulator.requests().count(V2_LOGIN)).isEqualTo(2);
        assertThat(store.sessions.values()).singleElement().satisfies(s -> assertThat(s.id()).isNotEqualTo(stale.id()));
    }

    @Test
    void storedSessionIdleTooLongIsNotUsed() {
        MemorySessionStore store = new MemorySessionStore();
        Session old = new Session("OldSessionId12345", URI.create("http://127.0.0.1:1/saas"), TestCatalog.USER, loginUrl,
                AuthVersion.V2, Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600));
        store.save(old);
        try (IicsClient iics = TestCatalog.client(loginUrl).sessionStore(store).build()) {
            iics.monitor().running();
        }
        assertThat(emulator.requests().count(V2_LOGIN)).isEqualTo(1);
    }

    @Test
    void sixteenThreadsOnAnExpiredSessionCauseExactlyOneLogin() throws Exception {
        try (IicsClient iics = TestCatalog.client(loginUrl).build()) {
            iics.monitor().running();
            emulator.expireSessions();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return iics.monitor().running();
                }));
            }
            go.countDown();
            for (Future<?> f : calls) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        long logins = emulator.requests().count(V2_LOGIN);
        System.out.println("logins for 16 threads after expiry: " + (logins - 1) + " (plus the first)");
        assertThat(logins).isEqualTo(2);
    }
}
