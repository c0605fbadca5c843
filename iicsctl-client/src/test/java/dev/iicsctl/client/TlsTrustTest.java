package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.emulator.Emulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The extra CA file against the emulator over HTTPS on loopback, with its self-signed certificate. */
@Timeout(60)
class TlsTrustTest {
    private static final String LOGIN = "POST /ma/api/v2/user/login";

    @TempDir
    static Path dir;
    private static Emulator emulator;
    private static Path caPem;

    @BeforeAll
    static void start() throws IOException {
        emulator = Emulator.builder().https().build().start();
        caPem = Files.writeString(dir.resolve("ca.pem"), Emulator.certificatePem());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static IicsClient.Builder client() {
        return IicsClient.builder().loginUrl(emulator.loginUrl())
                .credentials(TestCatalog.USER, TestCatalog.PASSWORD.toCharArray())
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50), true));
    }

    @Test
    void anUntrustedCertificateIsRefusedOnceWithTheFixNamed() {
        emulator.reset();
        try (IicsClient iics = client().build()) {
            assertThatThrownBy(() -> iics.auth().session())
                    .isInstanceOf(IicsConnectionException.class)
                    .hasMessageContaining("TLS handshake")
                    .hasMessageContaining("CA file");
        }
        assertThat(emulator.requests().count(LOGIN)).isZero();
    }

    @Test
    void caFileCertificatesAreAddedToTheDefaultTrust() throws Exception {
        // A file holding a CA of the JDK's own trust store beside the server's certificate: every one is trusted.
        X509Certificate jdkCa = defaultIssuers()[0];
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(jdkCa.getEncoded())
                + "\n-----END CERTIFICATE-----\n" + Files.readString(caPem);
        Path both = Files.writeString(dir.resolve("both.pem"), pem);
        emulator.reset();
        try (IicsClient iics = client().caFile(both).build()) {
            assertThat(iics.auth().session().serverUrl().getScheme()).isEqualTo("https");
        }
        assertThat(emulator.requests().count(LOGIN)).isEqualTo(1);
    }

    static X509Certificate[] defaultIssuers() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        return ((X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers();
    }

    @Test
    void theCaFileMakesTheCertificateTrusted() {
        emulator.reset();
        try (IicsClient iics = client().caFile(caPem).build()) {
            assertThat(iics.auth().session().serverUrl().getScheme()).isEqualTo("https");
        }
        assertThat(emulator.requests().count(LOGIN)).isEqualTo(1);
    }
}
