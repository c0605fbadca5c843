package dev.iicsctl.client.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CA file adds to the JDK's trusted CAs instead of replacing them (its effect on a TLS login: TlsTrustTest). */
class TrustSetupTest {

    @Test
    void theStoreHoldsEveryDefaultCaAndTheFilesCertificates(@TempDir Path dir) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        X509Certificate[] defaults = ((X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers();
        // Any certificate will do as the file's: the last of the defaults, so the file's is known to be read.
        X509Certificate extra = defaults[defaults.length - 1];
        Path file = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(extra.getEncoded())
                + "\n-----END CERTIFICATE-----\n");

        KeyStore store = TrustSetup.trustStore(file);

        for (X509Certificate ca : defaults) {
            assertThat(store.getCertificateAlias(ca)).as(ca.getSubjectX500Principal().getName()).isNotNull();
        }
        assertThat(store.containsAlias("extra-0")).isTrue();
        assertThat(store.getCertificate("extra-0")).isEqualTo(extra);
        assertThat(store.size()).isEqualTo(defaults.length + 1);
    }
}
