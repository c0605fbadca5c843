package dev.iicsctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.emulator.session.SessionType;
import dev.iicsctl.emulator.time.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An org whose authentication type is JWT: session ids are JWTs with a fixed lifetime that use does not extend. */
class JwtSessionTest {
    private final MovableClock clock = TestCatalogs.summerClock();
    private Emulator emu;

    @AfterEach
    void close() {
        if (emu != null) {
            emu.close();
        }
    }

    private Emulator start(Duration lifetime) {
        emu = Emulator.builder().catalogYaml(TestCatalogs.STANDARD).clock(clock).seed(7)
                .sessionType(SessionType.JWT).jwtLifetime(lifetime).build().start();
        return emu;
    }

    @Test
    void v2AndV3LoginsHandOutJwtsWhoseExpClaimIsTheirEnd() throws Exception {
        start(Duration.ofMinutes(30));
        Api v2 = Api.loggedIn(emu);
        JsonNode claims = claims(v2.session);
        assertThat(claims.get("sub").asText()).isEqualTo("demo@example.com");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(1800);
        assertThat(claims.get("exp").asLong()).isEqualTo(clock.instant().plusSeconds(1800).getEpochSecond());

        Api v3 = new Api(emu);
        Api.Reply r = v3.post(emu.loginUrl() + "/saas/public/core/v3/login",
                "{\"username\":\"demo@example.com\",\"password\":\"demo-password\"}");
        assertThat(r.status()).isEqualTo(200);
        String v3Session = r.json().get("userInfo").get("sessionId").asText();
        assertThat(claims(v3Session).get("sub").asText()).isEqualTo("demo@example.com");
    }

    @Test
    void useDoesNotExtendAJwtAndItsEndIsAnswered401() {
        start(Duration.ofMinutes(30));
        Api api = Api.loggedIn(emu);
        for (int minute = 0; minute < 29; minute++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(api.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(59));
        assertThat(api.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        Api.Reply expired = api.v2Get("/api/v2/activity/activityMonitor");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("code").asText()).isEqualTo("EMU_INVALID_SESSION");
    }

    @Test
    void validSessionIdCountsDownTheFixedLifetime() {
        start(Duration.ofMinutes(10));
        Api api = Api.loggedIn(emu);
        clock.advance(Duration.ofMinutes(4));
        api.v2Get("/api/v2/activity/activityMonitor");
        JsonNode v = api.v2Post("/api/v2/user/validSessionId", "{\"icToken\":\"" + api.session + "\"}").json();
        assertThat(v.get("isValidToken").asBoolean()).isTrue();
        assertThat(v.get("timeUntilExpire").asLong()).isEqualTo(6);
    }

    @Test
    void opaqueSessionsAreTheDefault() {
        emu = Emulator.builder().catalogYaml(TestCatalogs.STANDARD).clock(clock).build().start();
        assertThat(Api.loggedIn(emu).session).matches("[0-9A-Za-z]{22}");
    }

    @Test
    void aLifetimeUnderOneSecondIsRefused() {
        assertThatThrownBy(() -> Emulator.builder().jwtLifetime(Duration.ofMillis(10)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JWT lifetime");
    }

    static JsonNode claims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
