package dev.iicsctl.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain JDK HTTP client for driving the emulator in tests (never the project's own client). */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LOGIN_BODY = "{\"@type\":\"login\",\"username\":\"demo@example.com\",\"password\":\"demo-password\"}";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Emulator emu;
    String session;
    String serverUrl;

    Api(Emulator emu) {
        this.emu = emu;
    }

    /** A client logged in with v2 JSON login. */
    static Api loggedIn(Emulator emu) {
        Api api = new Api(emu);
        Reply r = api.post(emu.loginUrl() + "/ma/api/v2/user/login", LOGIN_BODY);
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r);
        }
        api.session = r.json().get("icSessionId").asText();
        api.serverUrl = r.json().get("serverUrl").asText();
        return api;
    }

    Reply send(String method, String url, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("content-type");
        }
        if (body != null && !typed) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply post(String url, String body, String... headers) {
        return send("POST", url, body, headers);
    }

    Reply get(String url, String... headers) {
        return send("GET", url, null, headers);
    }

    /** POST to {@code serverUrl + path} with the v2 session header. */
    Reply v2Post(String path, String body, String... extra) {
        return post(serverUrl + path, body, withSession("icSessionId", extra));
    }

    /** GET {@code serverUrl + path} with the v2 session header. */
    Reply v2Get(String path, String... extra) {
        return get(serverUrl + path, withSession("icSessionId", extra));
    }

    /** GET on the pod host root (taskflows) with the v3 session header. */
    Reply podGet(String path) {
        return get(emu.podUrl() + path, "INFA-SESSION-ID", session);
    }

    Reply podSend(String method, String path, String body) {
        return send(method, emu.podUrl() + path, body, "INFA-SESSION-ID", session);
    }

    /** Starts a task by v2 id; returns the run id. */
    long start(String taskId, String type) {
        Reply r = v2Post("/api/v2/job", "{\"@type\":\"job\",\"taskId\":\"" + taskId + "\",\"taskType\":\"" + type + "\"}");
        if (r.status() != 200) {
            throw new AssertionError("start failed: " + r);
        }
        return r.json().get("runId").asLong();
    }

    JsonNode monitor() {
        return v2Get("/api/v2/activity/activityMonitor").json();
    }

    JsonNode log(String query) {
        return v2Get("/api/v2/activity/activityLog" + (query.isEmpty() ? "" : "?" + query)).json();
    }

    private String[] withSession(String header, String... extra) {
        String[] all = new String[extra.length + 2];
        all[0] = header;
        all[1] = session;
        System.arraycopy(extra, 0, all, 2, extra.length);
        return all;
    }

    /** An answer. */
    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
