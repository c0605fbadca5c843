package dev.iicsctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.emulator.time.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** loginOAuth and loginSaml against an org with an identity provider, and logoutall. */
class FederatedLoginTest {
    private static final String ISSUER = "https://idp.example.com";
    private static final String CATALOG = """
            users:
              - {username: demo@example.com, password: demo-password, org: Demo Org}
              - {username: sso@example.com, password: unused-pw-123, org: Demo Org}
              - {username: other@example.com, password: other-pw-123, org: Other Org}
            identityProvider:
              issuer: https://idp.example.com
              tokens:
                - {token: literal-token-1, user: sso@example.com}
              samlResponses:
                - {response: bGl0ZXJhbC1zYW1s, user: sso@example.com}
            tasks:
              - {path: Sales/Load Orders, type: MTT, run: {duration: 10s}}
            """;

    private final MovableClock clock = TestCatalogs.summerClock();
    private Emulator emu;
    private Api api;
    private String orgId;

    @BeforeEach
    void start() {
        emu = Emulator.builder().catalogYaml(CATALOG).clock(clock).build().start();
        api = new Api(emu);
        orgId = api.post(emu.loginUrl() + "/ma/api/v2/user/login", Api.LOGIN_BODY).json().get("orgId").asText();
    }

    @AfterEach
    void close() {
        emu.close();
    }

    private Api.Reply oauth(String token, String org) {
        return api.post(emu.loginUrl() + "/ma/api/v2/user/loginOAuth",
                "{\"oauthToken\":\"" + token + "\",\"orgId\":\"" + org + "\"}");
    }

    private Api.Reply saml(String response) {
        return api.post(emu.loginUrl() + "/ma/api/v2/user/loginSaml",
                "{\"@type\":\"login\",\"samlToken\":\"" + response + "\",\"orgId\":\"" + orgId + "\"}");
    }

    private String idpToken(String iss, String sub, long expInSeconds, String jti) {
        long now = clock.instant().getEpochSecond();
        String claims = "{\"iss\":\"" + iss + "\",\"sub\":\"" + sub + "\",\"aud\":\"api://x\",\"iat\":" + now
                + ",\"nbf\":" + now + ",\"exp\":" + (now + expInSeconds) + ",\"jti\":\"" + jti + "\"}";
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        return b.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void anIdpJwtLogsInItsSubjectOnceAndTheSessionWorks() {
        String token = idpToken(ISSUER, "sso@example.com", 300, "j1");
        Api.Reply r = oauth(token, orgId);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("name").asText()).isEqualTo("sso@example.com");
        String session = r.json().get("icSessionId").asText();
        assertThat(api.get(r.json().get("serverUrl").asText() + "/api/v2/activity/activityMonitor", "icSessionId", session)
                .status()).isEqualTo(200);
        Api.Reply again = oauth(token, orgId);
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.json().get("code").asText()).isEqualTo("EMU_BAD_TOKEN");
    }

    @Test
    void tokensFromAnotherIssuerExpiredOrForAnotherOrgAreRefused() {
        assertThat(oauth(idpToken("https://evil.example.com", "sso@example.com", 300, "a"), orgId).status()).isEqualTo(403);
        assertThat(oauth(idpToken(ISSUER, "nobody@example.com", 300, "b"), orgId).status()).isEqualTo(403);
        String expiring = idpToken(ISSUER, "sso@example.com", 60, "c");
        clock.advance(Duration.ofSeconds(60));
        assertThat(oauth(expiring, orgId).status()).isEqualTo(403);
        assertThat(oauth(idpToken(ISSUER, "other@example.com", 300, "d"), orgId).status()).isEqualTo(403);
        assertThat(oauth("not-a-token", orgId).status()).isEqualTo(403);
        assertThat(api.post(emu.loginUrl() + "/ma/api/v2/user/loginOAuth", "{\"oauthToken\":\"x\"}").status())
                .isEqualTo(400);
    }

    @Test
    void literalTokensAndSamlResponsesFromTheCatalogWorkOnce() {
        assertThat(oauth("literal-token-1", orgId).status()).isEqualTo(200);
        assertThat(oauth("literal-token-1", orgId).status()).isEqualTo(403);
        assertThat(saml("bGl0ZXJhbC1zYW1s").status()).isEqualTo(200);
        assertThat(saml("bGl0ZXJhbC1zYW1s").status()).isEqualTo(403);
    }

    @Test
    void aSamlResponseFromTheIdpLogsInItsNameId() {
        String xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:Issuer>" + ISSUER + "</saml:Issuer>"
                + "<saml:Assertion><saml:Subject><saml:NameID>sso@example.com</saml:NameID></saml:Subject>"
                + "</saml:Assertion></samlp:Response>";
        String response = Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
        Api.Reply r = saml(response);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("name").asText()).isEqualTo("sso@example.com");
        assertThat(saml(response).status()).isEqualTo(403);
    }

    @Test
    void anOrgWithoutAnIdentityProviderRefusesTokenLogins() {
        try (Emulator plain = Emulator.builder().clock(clock).build().start()) {
            Api.Reply r = new Api(plain).post(plain.loginUrl() + "/ma/api/v2/user/loginOAuth",
                    "{\"oauthToken\":\"" + idpToken(ISSUER, "demo@example.com", 300, "z") + "\",\"orgId\":\"x\"}");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().get("code").asText()).isEqualTo("EMU_NO_SSO");
        }
    }

    @Test
    void logoutAllEndsEverySessionOfTheOrgOnly() {
        Api a = Api.loggedIn(emu);
        Api b = Api.loggedIn(emu);
        Api other = new Api(emu);
        Api.Reply o = other.post(emu.loginUrl() + "/ma/api/v2/user/login",
                "{\"username\":\"other@example.com\",\"password\":\"other-pw-123\"}");
        String otherSession = o.json().get("icSessionId").asText();
        Api.Reply bad = api.post(emu.loginUrl() + "/ma/api/v2/user/logoutall",
                "{\"@type\":\"logout\",\"username\":\"demo@example.com\",\"password\":\"wrong\"}");
        assertThat(bad.status()).isEqualTo(403);
        assertThat(a.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(200);

        Api.Reply r = api.post(emu.loginUrl() + "/ma/api/v2/user/logoutall",
                "{\"@type\":\"logout\",\"username\":\"demo@example.com\",\"password\":\"demo-password\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("@type").asText()).isEqualTo("success");
        assertThat(a.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(401);
        assertThat(b.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(401);
        assertThat(api.get(o.json().get("serverUrl").asText() + "/api/v2/activity/activityMonitor",
                "icSessionId", otherSession).status()).isEqualTo(200);
    }
}
