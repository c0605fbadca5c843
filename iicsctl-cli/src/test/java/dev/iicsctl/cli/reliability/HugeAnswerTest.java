package dev.iicsctl.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.iicsctl.cli.CliRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer larger than any IICS sends (here an endless activity monitor answer from a loopback server) is one
 * line and exit 8, not an OutOfMemoryError and exit 1.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HugeAnswerTest {

    @TempDir
    Path home;
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/ma/api/v2/user/login", ex -> {
            byte[] body = ("{\"icSessionId\":\"loopback-session\",\"serverUrl\":\"" + url + "/saas\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (ex; OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/saas/api/v2/activity/activityMonitor", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            byte[] entry = "{\"taskId\":\"0100000Z00000000001N\",\"taskName\":\"Load Orders\",\"runId\":1},"
                    .getBytes(StandardCharsets.UTF_8);
            try (ex; OutputStream out = ex.getResponseBody()) {
                out.write('[');
                while (true) {
                    out.write(entry);
                }
            } catch (IOException e) {
                // the client stopped reading, as it should
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anEndlessMonitorAnswerIsExitEightWithOneLine() {
        CliRun.Result result = new CliRun(home)
                .env("IICS_LOGIN_URL", "http://127.0.0.1:" + server.getAddress().getPort())
                .env("IICS_USERNAME", "demo@example.com")
                .env("IICS_PASSWORD", "demo-password")
                .execute("monitor");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(8);
        assertThat(result.err().strip().lines()).as(result.toString()).singleElement()
                .satisfies(line -> assertThat(line).contains("more than 64 MiB").contains("activityMonitor"));
        assertThat(result.out()).isEmpty();
    }
}
