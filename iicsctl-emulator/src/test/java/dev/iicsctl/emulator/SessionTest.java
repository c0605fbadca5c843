package dev.iicsctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.emulator.time.MovableClock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SessionTest {

    private static Emulator start(MovableClock clock, Duration timeout) {
        return Emulator.builder().clock(clock).sessionTimeout(timeout).build().start();
    }

    @Test
    void bothHeadersWorkInAnyCaseOnV2AndV3() {
        try (Emulator emu = start(TestCatalogs.summerClock(), Duration.ofMinutes(30))) {
            Api api = Api.loggedIn(emu);
            String monitor = api.serverUrl + "/api/v2/activity/activityMonitor";
            String objects = api.serverUrl + "/public/core/v3/objects";
            for (String header : new String[] {"icSessionId", "icSessionID", "ICSESSIONID", "INFA-SESSION-ID", "infa-session-id"}) {
                assertThat(api.get(monitor, header, api.session).status()).as(header).isEqualTo(200);
                assertThat(api.get(objects, header, api.session).status()).as(header).isEqualTo(200);
            }
        }
    }

    @Test
    void aV3SessionWorksOnV2() {
        try (Emulator emu = start(TestCatalogs.summerClock(), Duration.ofMinutes(30))) {
            Api api = new Api(emu);
            Api.Reply login = api.post(emu.loginUrl() + "/saas/public/core/v3/login",
                    "{\"username\":\"demo@example.com\",\"password\":\"demo-password\"}");
            String session = login.json().get("userInfo").get("sessionId").asText();
            String base = login.json().get("products").get(0).get("baseApiUrl").asText();
            assertThat(api.get(base + "/api/v2/activity/activityMonitor", "icSessionId", session).status()).isEqualTo(200);
        }
    }

    @Test
    void missingOrUnknownSessionIs401WithTheRightShape() {
        try (Emulator emu = start(TestCatalogs.summerClock(), Duration.ofMinutes(30))) {
            Api api = new Api(emu);
            Api.Reply v2 = api.get(emu.podUrl() + "/saas/api/v2/activity/activityMonitor");
            assertThat(v2.status()).isEqualTo(401);
            assertThat(v2.json().get("@type").asText()).isEqualTo("error");
            assertThat(v2.json().get("statusCode").asInt()).isEqualTo(401);
            assertThat(v2.json().get("description").asText()).contains("icSessionId");
            Api.Reply v3 = api.get(emu.podUrl() + "/saas/public/core/v3/objects", "INFA-SESSION-ID", "bogus");
            assertThat(v3.status()).isEqualTo(401);
            assertThat(v3.json().get("error").get("code").asText()).isEqualTo("EMU_INVALID_SESSION");
            assertThat(v3.json().get("error").get("requestId").asText()).isNotBlank();
            assertThat(v3.json().get("error").has("details")).isTrue();
        }
    }

    @Test
    void sessionExpiresAfterIdleTimeout() {
        MovableClock clock = TestCatalogs.summerClock();
        try (Emulator emu = start(clock, Duration.ofMinutes(5))) {
            Api api = Api.loggedIn(emu);
            clock.advance(Duration.ofMinutes(5));
            Api.Reply r = api.v2Get("/api/v2/activity/activityMonitor");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().get("description").asText()).contains("expired");
        }
    }

    @Test
    void everyCallRenewsTheSession() {
        MovableClock clock = TestCatalogs.summerClock();
        try (Emulator emu = start(clock, Duration.ofMinutes(5))) {
            Api api = Api.loggedIn(emu);
            for (int i = 0; i < 4; i++) {
                clock.advance(Duration.ofMinutes(4));
                assertThat(api.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void shortRealTimeoutExpires() throws InterruptedException {
        try (Emulator emu = Emulator.builder().sessionTimeout(Duration.ofMillis(300)).build().start()) {
            Api api = Api.loggedIn(emu);
            assertThat(api.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(200);
            Thread.sleep(450);
            assertThat(api.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(401);
        }
    }

    @Test
    void expireSessionsEndsAllAtOnceInProcessAndViaControlApi() {
        try (Emulator emu = start(TestCatalogs.summerClock(), Duration.ofMinutes(30))) {
            Api a = Api.loggedIn(emu);
            emu.expireSessions();
            assertThat(a.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(401);
            Api b = Api.loggedIn(emu);
            assertThat(b.post(emu.loginUrl() + "/_emulator/sessions/expire", null).status()).isEqualTo(200);
            assertThat(b.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(401);
        }
    }

    @Test
    void sessionIdsNeverAppearInTheRequestLog() {
        try (Emulator emu = start(TestCatalogs.summerClock(), Duration.ofMinutes(30))) {
            Api api = Api.loggedIn(emu);
            api.v2Get("/api/v2/activity/activityMonitor");
            String requests = api.get(emu.loginUrl() + "/_emulator/requests").body();
            assertThat(requests).doesNotContain(api.session).doesNotContain("demo-password");
            assertThat(emu.requests().recent().toString()).doesNotContain(api.session);
        }
    }
}
