package dev.iicsctl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The emulator's control API ({@code /_emulator/...} on the login host): the ground truth a benchmark compares
 * the client's view with. Control calls are not counted by the emulator, so they do not disturb the counts.
 */
final class EmulatorControl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI login;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    EmulatorControl(URI login) {
        this.login = login;
    }

    /** Forgets runs, sessions and counters. */
    void reset() {
        send("POST", "/_emulator/reset");
    }

    /** @return request counts per route template ({@code "GET /saas/api/v2/activity/activityMonitor"}) */
    Map<String, Long> requestCounts() {
        Map<String, Long> counts = new HashMap<>();
        send("GET", "/_emulator/requests").path("counts").fields()
                .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    /** @return the real end of every ended job run, keyed by {@code taskId#runId} */
    Map<String, Instant> runEnds() {
        Map<String, Instant> ends = new HashMap<>();
        for (JsonNode run : send("GET", "/_emulator/runs").path("runs")) {
            JsonNode end = run.path("endTimeUtc");
            if ("job".equals(run.path("kind").asText()) && end.isTextual()) {
                ends.put(run.path("taskId").asText() + "#" + run.path("runId").asText(), Instant.parse(end.asText()));
            }
        }
        return ends;
    }

    private JsonNode send(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(login.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode());
            }
            return answer.body().isEmpty() ? JSON.nullNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("emulator control API at " + login + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
