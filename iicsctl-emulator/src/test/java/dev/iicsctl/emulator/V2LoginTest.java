package dev.iicsctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class V2LoginTest {
    static Emulator emu;
    Api api;

    @BeforeAll
    static void start() {
        emu = Emulator.builder().build().start();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @BeforeEach
    void reset() {
        emu.reset();
        api = new Api(emu);
    }

    private String loginUrl() {
        return emu.loginUrl() + "/ma/api/v2/user/login";
    }

    @Test
    void jsonLoginReturnsTheUserObjectWithThePodServerUrl() {
        Api.Reply r = api.post(loginUrl(), Api.LOGIN_BODY);
        assertThat(r.status()).isEqualTo(200);
        JsonNode user = r.json();
        assertThat(user.get("@type").asText()).isEqualTo("user");
        assertThat(user.get("serverUrl").asText()).isEqualTo(emu.podUrl() + "/saas");
        assertThat(user.get("icSessionId").asText()).matches("[0-9A-Za-z]{22}");
        assertThat(user.get("name").asText()).isEqualTo("demo@example.com");
        assertThat(user.get("orgId").asText()).hasSize(22);
        assertThat(user.has("roles")).isTrue();
    }

    @Test
    void loginWithoutTypeAttributeWorks() {
        Api.Reply r = api.post(loginUrl(), "{\"username\":\"demo@example.com\",\"password\":\"demo-password\"}");
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void xmlLoginAnswersXmlWhenAsked() {
        Api.Reply r = api.post(loginUrl(), "<login><username>demo@example.com</username><password>demo-password</password></login>",
                "Content-Type", "application/xml", "Accept", "application/xml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/xml");
        assertThat(r.body()).contains("<user>").contains("<serverUrl>" + emu.podUrl() + "/saas</serverUrl>")
                .containsPattern("<icSessionId>[0-9A-Za-z]{22}</icSessionId>");
    }

    @Test
    void xmlLoginAnswersJsonByDefault() {
        Api.Reply r = api.post(loginUrl(), "<login><username>demo@example.com</username><password>demo-password</password></login>",
                "Content-Type", "application/xml");
        assertThat(r.json().get("icSessionId").asText()).isNotBlank();
    }

    @Test
    void wrongPasswordGivesTheDocumentedErrorObject() {
        Api.Reply r = api.post(loginUrl(), "{\"username\":\"demo@example.com\",\"password\":\"nope\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("code").asText()).isEqualTo("UI_10000");
        assertThat(r.json().get("description").asText()).isEqualTo("User name or password is not valid.");
        assertThat(r.json().get("statusCode").asInt()).isEqualTo(403);
        assertThat(r.json().get("@type").asText()).isEqualTo("error");
    }

    @Test
    void wrongPasswordInXmlGivesAnXmlError() {
        Api.Reply r = api.post(loginUrl(), "<login><username>x</username><password>y</password></login>",
                "Content-Type", "application/xml", "Accept", "application/xml");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("<error>").contains("<code>UI_10000</code>");
    }

    @Test
    void missingFieldIs400() {
        Api.Reply r = api.post(loginUrl(), "{\"username\":\"demo@example.com\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("description").asText()).contains("password");
    }

    @Test
    void malformedJsonIs400WithoutStackTrace() {
        Api.Reply r = api.post(loginUrl(), "{\"username\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("EMU_MALFORMED_BODY");
        assertThat(r.body()).doesNotContain("at com.").doesNotContain("Exception");
    }

    @Test
    void malformedXmlIs400() {
        Api.Reply r = api.post(loginUrl(), "<login><username>", "Content-Type", "application/xml");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("EMU_MALFORMED_BODY");
    }

    @Test
    void xmlWithDoctypeIsRefused() {
        Api.Reply r = api.post(loginUrl(), "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<login><username>&e;</username><password>p</password></login>", "Content-Type", "application/xml");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("root:");
    }

    @Test
    void getOnLoginIs405() {
        Api.Reply r = api.get(loginUrl());
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.json().get("@type").asText()).isEqualTo("error");
    }

    @Test
    void logoutEndsTheSession() {
        Api logged = Api.loggedIn(emu);
        assertThat(logged.v2Post("/api/v2/user/logout", null).status()).isEqualTo(200);
        assertThat(logged.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(401);
    }

    @Test
    void validSessionIdReportsMinutesLeft() {
        Api logged = Api.loggedIn(emu);
        Api.Reply r = logged.v2Post("/api/v2/user/validSessionId",
                "{\"@type\":\"validatedToken\",\"userName\":\"demo@example.com\",\"icToken\":\"" + logged.session + "\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("@type").asText()).isEqualTo("validatedToken");
        assertThat(r.json().get("isValidToken").asBoolean()).isTrue();
        assertThat(r.json().get("timeUntilExpire").asInt()).isBetween(29, 30);
    }

    @Test
    void validSessionIdOfAnUnknownTokenIsFalse() {
        Api.Reply r = api.post(emu.podUrl() + "/saas/api/v2/user/validSessionId",
                "{\"userName\":\"demo@example.com\",\"icToken\":\"notASession\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("isValidToken").asBoolean()).isFalse();
        assertThat(r.json().get("timeUntilExpire").asInt()).isZero();
    }

    @Test
    void loginOnThePodHostIs404() {
        Api.Reply r = api.post(emu.podUrl() + "/ma/api/v2/user/login", Api.LOGIN_BODY);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("description").asText()).contains("login host");
    }

    @Test
    void podRoutesOnTheLoginHostAre404SoIgnoringServerUrlFails() {
        Api logged = Api.loggedIn(emu);
        Api.Reply r = logged.get(emu.loginUrl() + "/saas/api/v2/activity/activityMonitor", "icSessionId", logged.session);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("@type").asText()).isEqualTo("error");
        assertThat(r.json().get("description").asText()).contains("serverUrl");
    }
}
