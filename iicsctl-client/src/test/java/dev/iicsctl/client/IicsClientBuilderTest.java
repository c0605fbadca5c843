package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.auth.AuthVersion;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    void caFileCertificatesAreAddedToTheDefaultTrust(@TempDir Path dir) throws Exception {
        // Any real CA certificate will do: take one from the JDK's own trust store and write it as PEM.
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory
                .getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((java.security.KeyStore) null);
        java.security.cert.X509Certificate ca = ((javax.net.ssl.X509TrustManager) tmf.getTrustManagers()[0])
                .getAcceptedIssuers()[0];
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(ca.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Path file = Files.writeString(dir.resolve("ca.pem"), pem);
        IicsClient.builder().loginUrl("dm-us").credentials("u", PASSWORD).caFile(file).build().close();
    }

    @Test
    void proxyIsAccepted() {
        IicsClient.builder().loginUrl("dm-us").credentials("u", PASSWORD).proxy("http://proxy.example.com:3128")
                .build().close();
        IicsClient.builder().loginUrl("dm-us").credentials("u", PASSWORD).proxy("proxy.example.com:3128")
                .build().close();
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
