package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.iicsctl.client.auth.AuthVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IicsClientBuilderTest {

    private static final char[] PASSWORD = "s3cret-Pa55".toCharArray();

    @Test
    void shortNameIsResolvedAndDefaultsAreSane() {
        try (IicsClient c = IicsClient.builder().loginUrl("dm-em").credentials("u@example.com", PASSWORD).build()) {
            assertThat(c.loginUrl()).isEqualTo(URI.create("https://dm-em.informaticacloud.com"));
            assertThat(c.authVersion()).isEqualTo(AuthVersion.V2);
            assertThat(c.userAgent()).startsWith("iicsctl/").doesNotEndWith("/");
            assertThat(c.userAgent()).doesNotContain("${");
        }
    }

    @Test
    void passwordIsRefusedOverPlainHttpToANonLoopbackHost() {
        assertThatThrownBy(() -> IicsClient.builder().loginUrl("http://iics.example.com")
                .credentials("u", PASSWORD).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http")
                .hasMessageContaining("https://");
        IicsClient.builder().loginUrl("http://iics.example.com").credentials("u", PASSWORD)
                .allowInsecureHttp(true).build().close();
        IicsClient.builder().loginUrl("http://127.0.0.1:9").credentials("u", PASSWORD).build().close();
        IicsClient.builder().loginUrl("http://localhost:9").credentials("u", PASSWORD).build().close();
        IicsClient.builder().loginUrl("http://[::1]:9").credentials("u", PASSWORD).build().close();
    }

    @Test
    void aRefusedSettingCarriesItsReasonAndTheProblemWithoutTheFix() {
        assertThatThrownBy(() -> IicsClient.builder().loginUrl("http://iics.example.com")
                .credentials("u", PASSWORD).build())
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(InvalidSettingException.Reason.PLAIN_HTTP);
                    assertThat(e.problem()).isEqualTo("refusing to send the password over plain http to iics.example.com");
                    assertThat(e.getMessage()).startsWith(e.problem() + ": ").contains("allowInsecureHttp(true)");
                });
        assertThatThrownBy(() -> IicsClient.builder().loginUrl("dm-us").credentials("u", PASSWORD)
                .proxy("user:pw@proxy:8080").build())
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.reason())
                        .isEqualTo(InvalidSettingException.Reason.BAD_PROXY));
        assertThatThrownBy(() -> IicsClient.builder().loginUrl("dm-us").credentials("u", PASSWORD)
                .readTimeout(Duration.ZERO).build())
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.reason())
                        .isEqualTo(InvalidSettingException.Reason.NOT_POSITIVE));
        assertThatThrownBy(() -> IicsClient.builder().loginUrl("dm-us").build())
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.reason())
                        .isEqualTo(InvalidSettingException.Reason.MISSING_USERNAME));
    }

    @Test
    void proxyCredentialsAreRefusedWithoutShowingThem() {
        for (String proxy : new String[] {"user:s3cr3t@proxy.example.com:3128", "http://user:s3cr3t@proxy.example.com:3128",
                "us@er:s3cr3t@proxy.example.com:3128"}) {
            assertThatThrownBy(() -> IicsClient.builder().loginUrl("https://dm-us.informaticacloud.com")
                    .credentials("u", PASSWORD).proxy(proxy).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("proxy credentials are not supported")
                    .hasMessageContaining("***@proxy.example.com:3128")
                    .hasMessageNotContaining("s3cr3t");
        }
    }

    @Test
    void badValuesAreRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> IicsClient.builder().credentials("u", PASSWORD).build())
                .hasMessageContaining("login URL is missing");
        assertThatThrownBy(() -> IicsClient.builder().loginUrl("dm-us").build())
                .hasMessageContaining("user name is missing");
        assertThatThrownBy(() -> IicsClient.builder().loginUrl("dm-us").credentials("u", new char[0]).build())
                .hasMessageContaining("password is empty");
        assertThatThrownBy(() -> IicsClient.builder().loginUrl("dm-us").credentials("u", PASSWORD)
                .readTimeout(Duration.ZERO).build()).hasMessageContaining("read timeout");
        assertThatThrownBy(() -> IicsClient.builder().loginUrl("dm-us").credentials("u", PASSWORD)
                .proxy("proxyhost").build()).hasMessageContaining("host:port");
        assertThatThrownBy(() -> IicsClient.builder().loginUrl("dm-us").credentials("u", PASSWORD)
                .proxy("http://user:pw@proxy:8080").build())
                .hasMessageContaining("not supported").hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> IicsClient.builder().loginUrl("dm-us").credentials("u", PASSWORD)
                .caFile(Path.of("/nonexistent/ca.pem")).build()).hasMessageContaining("CA file");
    }

    @Test
    void caFileWithoutCertificatesIsRefused(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        assertThatThrownBy(() -> IicsClient.builder().loginUrl("dm-us").credentials("u", PASSWORD).caFile(pem).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CA file");
    }

    @Test
    void theProxyReceivesTheRequestsInEitherForm() throws Exception {
        for (String form : new String[] {"127.0.0.1:%d", "http://127.0.0.1:%d"}) {
            // A loopback proxy that records each request line and refuses the login: nothing leaves the machine.
            List<String> seen = new CopyOnWriteArrayList<>();
            HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            proxy.createContext("/", exchange -> {
                seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                byte[] body = "{\"code\":\"UI_10000\",\"description\":\"refused by the test proxy\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(403, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            proxy.start();
            String address = String.format(form, proxy.getAddress().getPort());
            try (IicsClient iics = IicsClient.builder().loginUrl("http://iics.example.com").allowInsecureHttp(true)
                    .credentials("u", PASSWORD).proxy(address)
                    .retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, false)).build()) {
                assertThatThrownBy(() -> iics.auth().session()).as(address)
                        .isInstanceOf(IicsAuthException.class);
            } finally {
                proxy.stop(0);
            }
            assertThat(seen).as(address).containsExactly("POST http://iics.example.com/ma/api/v2/user/login");
        }
    }

    @Test
    void toBuilderMakesAVariantAndNothingShowsThePassword() {
        IicsClient base = IicsClient.builder().loginUrl("dm-us").credentials("u@example.com", PASSWORD)
                .auth(AuthVersion.V3).userAgent("custom/1").build();
        IicsClient variant = base.toBuilder().loginUrl("dm-uk").build();
        assertThat(variant.authVersion()).isEqualTo(AuthVersion.V3);
        assertThat(variant.username()).isEqualTo("u@example.com");
        assertThat(variant.userAgent()).isEqualTo("custom/1");
        assertThat(variant.loginUrl()).isEqualTo(URI.create("https://dm-uk.informaticacloud.com"));
        assertThat(base.toString() + variant + base.toBuilder()).doesNotContain(new String(PASSWORD));
        base.close();
        variant.close();
        variant.close();
    }
}
