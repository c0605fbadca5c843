package dev.iicsctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EmulatorLifecycleTest {

    @Test
    void httpsServesBothHostsWithTheCertificateItGivesOut() throws Exception {
        try (Emulator emu = Emulator.builder().https().build().start()) {
            assertThat(emu.loginUrl().getScheme()).isEqualTo("https");
            assertThat(emu.podUrl().getScheme()).isEqualTo("https");
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("emulator", CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Emulator.certificatePem().getBytes(StandardCharsets.US_ASCII))));
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trustManagers.getTrustManagers(), null);
            HttpClient http = HttpClient.newBuilder().sslContext(tls).build();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(emu.loginUrl() + "/ma/api/v2/user/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + Emulator.DEMO_USERNAME
                            + "\",\"password\":\"" + Emulator.DEMO_PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("\"serverUrl\":\"" + emu.podUrl() + "/saas\"");
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(emu.loginUrl()).build(),
                    HttpResponse.BodyHandlers.discarding())).as("untrusted without the certificate")
                    .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        }
    }

    @Test
    void startsOnTwoEphemeralLoopbackPorts() {
        try (Emulator emu = Emulator.builder().build().start()) {
            assertThat(emu.loginUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(emu.podUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(emu.loginUrl().getPort()).isPositive().isNotEqualTo(emu.podUrl().getPort());
        }
    }

    @Test
    void closeIsSafeTwiceAndWithoutStart() {
        Emulator started = Emulator.builder().build().start();
        started.close();
        started.close();
        Emulator never = Emulator.builder().build();
        never.close();
        never.close();
    }

    @Test
    void startAfterCloseFailsClearly() {
        Emulator emu = Emulator.builder().build().start();
        emu.close();
        assertThatThrownBy(emu::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed").hasMessageContaining("Emulator.builder()");
    }

    @Test
    void urlsBeforeStartFailClearly() {
        Emulator emu = Emulator.builder().build();
        assertThatThrownBy(emu::loginUrl).isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");
        assertThatThrownBy(emu::runs).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void startTwiceKeepsTheSameListeners() {
        try (Emulator emu = Emulator.builder().build().start()) {
            URI first = emu.loginUrl();
            assertThat(emu.start().loginUrl()).isEqualTo(first);
        }
    }

    @Test
    void stopsListeningOnClose() throws Exception {
        Emulator emu = Emulator.builder().build().start();
        URI login = emu.loginUrl();
        emu.close();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(login.resolve("/_emulator/runs")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    @Test
    void aTakenPortFailsWithTheNumberAndTheFix() {
        try (Emulator first = Emulator.builder().build().start()) {
            int taken = first.loginUrl().getPort();
            Emulator second = Emulator.builder().port(taken).build();
            assertThatThrownBy(second::start).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(Integer.toString(taken)).hasMessageContaining("0 for a free one");
        }
    }

    @Test
    void builderRejectsBadValues() {
        assertThatThrownBy(() -> Emulator.builder().port(70000).build()).hasMessageContaining("port");
        assertThatThrownBy(() -> Emulator.builder().sessionTimeout(Duration.ZERO).build()).hasMessageContaining("session timeout");
        assertThatThrownBy(() -> Emulator.builder().latency(Duration.ofSeconds(-1)).build()).hasMessageContaining("negative");
    }

    @Test
    void sendsTheVersionHeaderOnEveryAnswer() {
        try (Emulator emu = Emulator.builder().build().start()) {
            Api api = new Api(emu);
            assertThat(api.get(emu.loginUrl() + "/_emulator/runs").header("X-Iics-Emulator")).isEqualTo(Emulator.VERSION);
            assertThat(api.get(emu.podUrl() + "/nothing/here").header("X-Iics-Emulator")).isEqualTo(Emulator.VERSION);
            assertThat(Emulator.VERSION).isNotBlank().isNotEqualTo("dev");
        }
    }

    @Test
    void toStringShowsStateAndUrls() {
        Emulator emu = Emulator.builder().build();
        assertThat(emu.toString()).contains("new");
        emu.start();
        assertThat(emu.toString()).contains(emu.loginUrl().toString());
        emu.close();
        assertThat(emu.toString()).contains("closed");
    }
}
