package dev.iicsctl.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.TestCatalog;
import dev.iicsctl.emulator.Emulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security defaults through the command line: no password over plain http except to the loopback host
 * unless --allow-insecure-http (or its variable or profile key) says so, and TLS certificates always checked,
 * with extra CAs from --ca-file and no way to turn the check off. No traffic leaves the loopback host.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SecurityDefaultsTest {

    @TempDir
    static Path dir;
    private static Emulator tls;
    private static Path caPem;

    @TempDir
    Path home;

    @BeforeAll
    static void startTlsLogin() throws Exception {
        // The emulator over HTTPS with its self-signed certificate, as behind a TLS-terminating gateway.
        tls = Emulator.builder().https().build().start();
        caPem = Files.writeString(dir.resolve("ca.pem"), Emulator.certificatePem());
    }

    @AfterAll
    static void stopTlsLogin() {
        if (tls != null) {
            tls.close();
        }
    }

    private static long tlsLogins() {
        return tls.requests().count(TestCatalog.LOGIN);
    }

    private CliRun cli(String loginUrl) {
        return new CliRun(home).env("IICS_LOGIN_URL", loginUrl).env("IICS_USERNAME", TestCatalog.USER)
                .env("IICS_PASSWORD", TestCatalog.PASSWORD);
    }

    private static String tlsUrl() {
        return tls.loginUrl().toString();
    }

    @Test
    void plainHttpToAHostOtherThanTheLoopbackIsRefusedBeforeAnyConnection() {
        CliRun.Result result = cli("http://iics.example.com").execute("login");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString()
                .contains("refusing to send the password over plain http to iics.example.com")
                .contains("--allow-insecure-http")
                .doesNotContain(TestCatalog.PASSWORD);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void allowInsecureHttpLetsTheLoginGoOutOverPlainHttp() throws Exception {
        // The login goes to a loopback proxy that records the request line and refuses the login: proof that the
        // password was sent (to http://iics.example.com through the proxy), with no traffic beyond the loopback.
        try (RecordingProxy proxy = new RecordingProxy()) {
            CliRun.Result flag = cli("http://iics.example.com").execute("login", "--allow-insecure-http",
                    "--proxy", proxy.address());
            assertThat(proxy.requestLines()).containsExactly("POST http://iics.example.com/ma/api/v2/user/login HTTP/1.1");
            assertThat(flag.exitCode()).as("the proxy refuses the login: " + flag).isEqualTo(6);
            assertThat(flag.err()).doesNotContain("refusing").doesNotContain(TestCatalog.PASSWORD);

            CliRun.Result env = cli("http://iics.example.com").env("IICS_ALLOW_INSECURE_HTTP", "true")
                    .execute("login", "--proxy", proxy.address());
            assertThat(env.exitCode()).as(env.toString()).isEqualTo(6);
            assertThat(proxy.requestLines()).hasSize(2);

            Path config = Files.writeString(home.resolve("config.yaml"), "default-profile: lab\nprofiles:\n  lab:\n"
                    + "    login-url: http://iics.example.com\n    username: demo@example.com\n"
                    + "    password-env: LAB_PASSWORD\n    proxy: " + proxy.address() + "\n    allow-insecure-http: true\n");
            CliRun.Result profile = new CliRun(home).env("IICSCTL_CONFIG", config.toString())
                    .env("LAB_PASSWORD", TestCatalog.PASSWORD).execute("login");
            assertThat(profile.exitCode()).as(profile.toString()).isEqualTo(6);
            assertThat(proxy.requestLines()).hasSize(3).allMatch(l -> l.startsWith("POST http://iics.example.com/"));
        }
    }

    @Test
    void aBadAllowInsecureHttpValueIsAUsageError() {
        CliRun.Result result = cli("http://iics.example.com").env("IICS_ALLOW_INSECURE_HTTP", "maybe").execute("login");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'maybe'").contains("IICS_ALLOW_INSECURE_HTTP").contains("true or false");
    }

    @Test
    void aSelfSignedServerIsRefusedWithoutTheCaFileAndAcceptedWithIt() {
        long before = tlsLogins();
        CliRun.Result refused = cli(tlsUrl()).execute("login");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(8);
        assertThat(refused.err().lines()).singleElement().asString().contains("TLS").contains("certificate")
                .contains("CA file");
        assertThat(tlsLogins()).as("no login reached the server").isEqualTo(before);

        CliRun.Result accepted = cli(tlsUrl()).execute("login", "--ca-file", caPem.toString());
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(tlsLogins()).isEqualTo(before + 1);
        CliRun.Result viaEnv = new CliRun(home.resolve("other")).env("IICS_LOGIN_URL", tlsUrl())
                .env("IICS_USERNAME", TestCatalog.USER).env("IICS_PASSWORD", TestCatalog.PASSWORD)
                .env("IICS_CA_FILE", caPem.toString()).execute("login");
        assertThat(viaEnv.exitCode()).as(viaEnv.toString()).isZero();
    }

    @Test
    void thereIsNoSwitchThatTurnsCertificateChecksOff() {
        for (String option : new String[] {"--insecure", "--no-verify", "--skip-tls-verify", "-k", "--tls-no-verify"}) {
            CliRun.Result result = cli(tlsUrl()).execute("login", option);
            assertThat(result.exitCode()).as(option + ": " + result).isEqualTo(2);
        }
        assertThat(cli(tlsUrl()).execute("login", "--help").out()).doesNotContainIgnoringCase("verify")
                .doesNotContain("--insecure");
    }

    /** An HTTP proxy on loopback that records each request line and answers 403 (a refused login). */
    private static final class RecordingProxy implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final Thread thread = new Thread(this::serve, "recording-proxy");

        RecordingProxy() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        String address() {
            return "127.0.0.1:" + socket.getLocalPort();
        }

        List<String> requestLines() {
            return List.copyOf(lines);
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    s.setSoTimeout(10_000);
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    lines.add(in.readLine());
                    byte[] body = "{\"code\":\"UI_10000\",\"description\":\"refused by the test proxy\"}"
                            .getBytes(StandardCharsets.UTF_8);
                    s.getOutputStream().write(("HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().write(body);
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    // closed, or a client that went away
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
