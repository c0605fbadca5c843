package dev.iicsctl.client.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator's control API over HTTP ({@code /_emulator/...} on the login host): the ground truth the tests
 * check the client against. Deliberately separate from the client's own HTTP code.
 */
public final class ControlApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;

    public ControlApi(URI loginUrl) {
        this.base = URI.create(loginUrl.toString().replaceAll("/+$", "") + "/_emulator");
    }

    /** @return every run, in start order */
    public List<JsonNode> runs() {
        List<JsonNode> runs = new ArrayList<>();
        send("GET", "/runs", null).path("runs").forEach(runs::add);
        return runs;
    }

    /** @return runs of one task path */
    public List<JsonNode> runsOf(String taskPath) {
        return runs().stream().filter(r -> taskPath.equals(r.path("taskPath").asText())).toList();
    }

    /** @return the request counts object */
    public JsonNode requests() {
        return send("GET", "/requests", null);
    }

    /**
     * @param route e.g. {@code POST /ma/api/v2/user/login}
     * @return how many requests that route got
     */
    public long count(String route) {
        return requests().path("counts").path(route).asLong(0);
    }

    /** @param ruleJson one fault rule */
    public void fault(String ruleJson) {
        send("POST", "/faults", ruleJson.replace('\'', '"'));
    }

    public void clearFaults() {
        send("DELETE", "/faults", null);
    }

    public void expireSessions() {
        send("POST", "/sessions/expire", null);
    }

    public void reset() {
        send("POST", "/reset", null);
    }

    private JsonNode send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("emulator control API " + method + " " + path + " answered "
                        + r.statusCode() + ": " + r.body());
            }
            return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
