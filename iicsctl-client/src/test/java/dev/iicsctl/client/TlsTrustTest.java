package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extra CA file against a real TLS listener on loopback, with a certificate made by keytool for this test.
 * The emulator speaks plain HTTP, so a minimal HTTPS login endpoint stands in for a TLS-terminating gateway.
 */
@Timeout(60)
class TlsTrustTest {

    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static Path caPem;
    private static final AtomicInteger LOGINS = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        Path ks = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "iics", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", "changeit", "-keypass", "changeit");
        caPem = dir.resolve("ca.pem");
        keytool("-exportcert", "-rfc", "-alias", "iics", "-keystore", ks.toString(), "-storepass", "changeit",
                "-file", caPem.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/ma/api/v2/user/login", exchange -> {
            LOGINS.incrementAndGet();
            byte[] body = ("{\"icSessionId\":\"TlsSession123456\",\"serverUrl\":\"https://127.0.0.1:"
                    + server.getAddress().getPort() + "/saas\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void keytool(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }

    private static IicsClient.Builder client() {
        return IicsClient.builder().loginUrl(URI.create("https://127.0.0.1:" + server.getAddress().getPort()))
                .credentials("demo@example.com", "demo-password".toCharArray())
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50), true));
    }

    @Test
    void anUntrustedCertificateIsRefusedOnceWithTheFixNamed() {
        LOGINS.set(0);
        try (IicsClient iics = client().build()) {
            assertThatThrownBy(() -> iics.auth().session())
                    .isInstanceOf(IicsConnectionException.class)
                    .hasMessageContaining("TLS handshake")
                    .hasMessageContaining("CA file");
        }
        assertThat(LOGINS).hasValue(0);
    }

    @Test
    void caFileCertificatesAreAddedToTheDefaultTrust() throws Exception {
        // A file holding a CA of the JDK's own trust store beside the server's certificate: every one is trusted.
        X509Certificate jdkCa = defaultIssuers()[0];
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(jdkCa.getEncoded())
                + "\n-----END CERTIFICATE-----\n" + Files.readString(caPem);
        Path both = Files.writeString(dir.resolve("both.pem"), pem);
        LOGINS.set(0);
        try (IicsClient iics = client().caFile(both).build()) {
            assertThat(iics.auth().session().serverUrl().getScheme()).isEqualTo("https");
        }
        assertThat(LOGINS).hasValue(1);
    }

    static X509Certificate[] defaultIssuers() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        return ((X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers();
    }

    @Test
    void theCaFileMakesTheCertificateTrusted() {
        LOGINS.set(0);
        try (IicsClient iics = client().caFile(caPem).build()) {
            assertThat(iics.auth().session().serverUrl().getScheme()).isEqualTo("https");
        }
        assertThat(LOGINS).hasValue(1);
    }
}
