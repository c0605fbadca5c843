package dev.iicsctl.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsAuthException;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.emulator.Emulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** loginOAuth and loginSaml against an org with an identity provider; logoutall. */
@Timeout(60)
class IdentityProviderLoginTest {
    private static final String ISSUER = "https://idp.example.com";
    private static final String CATALOG = """
            users:
              - {username: demo@example.com, password: demo-password, org: Demo Org}
              - {username: sso@example.com, password: not-used-123, org: Demo Org}
            identityProvider:
              issuer: https://idp.example.com
            tasks:
              - {path: Sales/Load Orders, type: MTT, run: {duration: 1s}}
            """;

    private Emulator emu;
    private String orgId;
    private final List<String> issued = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        emu = Emulator.builder().catalogYaml(CATALOG).build().start();
        String user = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emu.loginUrl()
                + "/ma/api/v2/user/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"demo@example.com\",\"password\":\"demo-password\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        orgId = user.replaceAll(".*\"orgId\":\"([^\"]+)\".*", "$1");
    }

    @AfterEach
    void close() {
        emu.close();
    }

    /** Like an IdP's CLI: a fresh token for sso@example.com at each call. */
    private Supplier<char[]> idp(String issuer) {
        AtomicInteger n = new AtomicInteger();
        return () -> {
            long now = Instant.now().getEpochSecond();
            String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"sso@example.com\",\"iat\":" + now + ",\"exp\":"
                    + (now + 300) + ",\"jti\":\"t" + n.incrementAndGet() + "\"}";
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String token = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJlLW9mLXRoZS1pZHA";
            issued.add(token);
            return token.toCharArray();
        };
    }

    private IicsClient.Builder client(IdentityProviderLogin login) {
        return IicsClient.builder().loginUrl(emu.loginUrl()).username("sso@example.com").identityProviderLogin(login)
                .traceListener(trace::add);
    }

    @Test
    void aTokenLoginGivesASessionAndEachRenewalUsesAFreshToken() {
        try (IicsClient iics = client(IdentityProviderLogin.oauth(orgId, idp(ISSUER))).build()) {
            assertThat(iics.tasks().resolve("Sales/Load Orders").name()).isEqualTo("Load Orders");
            emu.expireSessions();
            assertThat(iics.tasks().resolve("Sales/Load Orders").name()).isEqualTo("Load Orders");
        }
        assertThat(emu.requests().count("POST /ma/api/v2/user/loginOAuth")).isEqualTo(2);
        assertThat(issued).hasSize(2).doesNotHaveDuplicates();
        assertThat(String.join("\n", trace)).doesNotContain(issued.get(0)).doesNotContain(issued.get(1))
                .contains("loginOAuth");
    }

    @Test
    void aRefusedTokenIsAnAuthErrorNamingTheFixWithoutTheToken() {
        try (IicsClient iics = client(IdentityProviderLogin.oauth(orgId, idp("https://other-idp.example.com"))).build()) {
            assertThatThrownBy(() -> iics.tasks().resolve("Sales/Load Orders"))
                    .isInstanceOf(IicsAuthException.class)
                    .hasMessageContaining("HTTP 403")
                    .hasMessageContaining("IICS takes each token once")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(issued.get(0)));
        }
        assertThat(String.join("\n", trace)).doesNotContain(issued.get(0));
    }

    @Test
    void aSamlResponseLogsIn() {
        String xml = "<samlp:Response><saml:Issuer>" + ISSUER + "</saml:Issuer><saml:Assertion><saml:Subject>"
                + "<saml:NameID>sso@example.com</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>";
        AtomicInteger asked = new AtomicInteger();
        Supplier<char[]> saml = () -> {
            asked.incrementAndGet();
            // Each SAML response is taken once: a real IdP signs a new one each time; here the ID differs.
            return Base64.getEncoder().encodeToString((xml + "<!--" + asked.get() + "-->")
                    .getBytes(StandardCharsets.UTF_8)).toCharArray();
        };
        try (IicsClient iics = client(IdentityProviderLogin.saml(orgId, saml)).build()) {
            assertThat(iics.auth().session().username()).isEqualTo("sso@example.com");
            assertThat(iics.tasks().resolve("Sales/Load Orders").name()).isEqualTo("Load Orders");
        }
        assertThat(emu.requests().count("POST /ma/api/v2/user/loginSaml")).isEqualTo(1);
        assertThat(asked).hasValue(1);
    }

    @Test
    void logoutAllEndsEverySessionOfTheOrg() {
        try (IicsClient other = IicsClient.builder().loginUrl(emu.loginUrl())
                .credentials("demo@example.com", "demo-password".toCharArray()).build();
             IicsClient admin = IicsClient.builder().loginUrl(emu.loginUrl())
                .credentials("demo@example.com", "demo-password".toCharArray()).build()) {
            String before = other.auth().session().id();
            other.tasks().resolve("Sales/Load Orders");
            admin.auth().logoutAll();
            assertThat(admin.auth().current()).isEmpty();
            // The other client's session was ended on the server: its next call logs in afresh.
            other.tasks().resolve("Sales/Load Orders");
            assertThat(other.auth().session().id()).isNotEqualTo(before);
        }
        assertThat(emu.requests().count("POST /ma/api/v2/user/logoutall")).isEqualTo(1);
    }

    @Test
    void logoutAllWithoutAPasswordSaysWhatItNeeds() {
        try (IicsClient iics = client(IdentityProviderLogin.oauth(orgId, idp(ISSUER))).build()) {
            assertThatThrownBy(() -> iics.auth().logoutAll()).isInstanceOf(IicsAuthException.class)
                    .hasMessageContaining("needs the password");
        }
    }
}
