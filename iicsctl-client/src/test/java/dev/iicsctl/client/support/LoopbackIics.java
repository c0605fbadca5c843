package dev.iicsctl.client.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.RetryPolicy;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A tiny stand-in for IICS on loopback for answers the emulator cannot give: binary session logs (a zip bomb)
 * and endless bodies. It answers the v2 login, and each other path with the handler given for it.
 */
public final class LoopbackIics implements AutoCloseable {

    /** Writes one answer. */
    public interface Answer {
        void write(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;

    public LoopbackIics() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        answer("/ma/api/v2/user/login", ex -> bytes(ex, "application/json",
                ("{\"icSessionId\":\"loopback-session\",\"serverUrl\":\"" + url() + "/saas\"}")
                        .getBytes(StandardCharsets.UTF_8)));
        server.start();
    }

    /** Answers requests for {@code path} with {@code answer}. */
    public LoopbackIics answer(String path, Answer answer) {
        server.createContext(path, ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                answer.write(ex);
            } catch (IOException e) {
                // the client went away, as it should for an answer it will not read
            }
        });
        return this;
    }

    /** Sends a whole body. */
    public static void bytes(HttpExchange ex, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A client for it: no retries, a short read timeout. */
    public IicsClient.Builder client() {
        return IicsClient.builder().loginUrl(URI.create(url())).credentials("demo@example.com", "pw".toCharArray())
                .retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(20));
    }

    /** @return a failed run whose logs it serves (under any entry id) */
    public static RunResult failedRun() {
        TaskRef task = new TaskRef("0100000Z00000000001N", null, "Load Orders", "Sales/Load Orders", TaskType.MTT);
        return new RunResult(task, 1, RunState.FAILED, Instant.now(), Instant.now(), null, null, "failed", List.of(),
                "0100000Z00000000001NLOG");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
