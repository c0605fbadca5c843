package dev.iicsctl.emulator.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.emulator.catalog.CatalogUser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Replays the requests of a trace against a running emulator and compares each answer with the org's by
 * shape ({@link ShapeDiff}). Hosts are mapped to the emulator's login or pod host by path; secrets in the trace
 * are placeholders, so logins use a catalog user and session headers carry the emulator's own session.
 * Only loopback traffic is sent: the emulator's own URLs.
 */
public final class HarComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SESSION_HEADERS = Set.of("icsessionid", "infa-session-id", "ids-session-id");
    private static final Set<String> COPIED_HEADERS = Set.of("accept", "content-type", "tf-instance-name");

    private final URI loginUrl;
    private final URI podUrl;
    private final CatalogUser user;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private String session;

    /**
     * @param loginUrl the emulator's login host
     * @param podUrl   the emulator's pod host
     * @param user     the catalog user the replayed logins and calls run as
     */
    public HarComparison(URI loginUrl, URI podUrl, CatalogUser user) {
        this.loginUrl = loginUrl;
        this.podUrl = podUrl;
        this.user = user;
    }

    /**
     * @param trace the org's exchanges, in order
     * @return the comparison
     */
    public ComparisonReport compare(List<TracedExchange> trace) {
        List<String> skipped = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        int compared = 0;
        for (TracedExchange e : trace) {
            String path = e.url().getRawPath();
            if (path.startsWith("/_emulator")) {
                skipped.add(e.label() + ": the emulator's control API");
                continue;
            }
            if (path.endsWith("/loginOAuth") || path.endsWith("/loginSaml") || path.endsWith("/logoutall")) {
                skipped.add(e.label() + ": an identity-provider token or org-wide logout cannot be replayed");
                continue;
            }
            Reply reply;
            try {
                reply = send(e);
            } catch (IOException io) {
                differences.add(new Difference(e.label(), "", Difference.Kind.STATUS, "HTTP " + e.status(),
                        "no answer (" + io.getClass().getSimpleName() + ")"));
                continue;
            }
            compared++;
            if (e.status() / 100 != reply.status() / 100) {
                differences.add(new Difference(e.label(), "", Difference.Kind.STATUS, "HTTP " + e.status(),
                        "HTTP " + reply.status()));
                continue;
            }
            JsonNode org = json(e.responseType(), e.responseBody());
            JsonNode emu = json(reply.type(), reply.body());
            if (org != null && emu != null) {
                differences.addAll(ShapeDiff.compare(e.label(), org, emu));
            } else if ((org == null) != (emu == null) && e.responseBody() != null) {
                // One side is JSON, the other is not (or is empty): clients that parse one will fail on the other.
                differences.add(new Difference(e.label(), "", Difference.Kind.FORMAT,
                        org != null ? "JSON" : describe(e.responseType()), emu != null ? "JSON" : describe(reply.type())));
            }
        }
        return new ComparisonReport(compared, skipped, differences);
    }

    private record Reply(int status, String type, String body) {}

    private Reply send(TracedExchange e) throws IOException {
        String path = e.url().getRawPath();
        boolean login = path.endsWith("/user/login") || path.endsWith("/core/v3/login");
        URI base = login || path.startsWith("/ma/") || path.endsWith("/core/v3/logout") ? loginUrl : podUrl;
        String query = e.url().getRawQuery() == null ? "" : "?" + e.url().getRawQuery();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path + query)).timeout(Duration.ofSeconds(30));
        boolean needsSession = false;
        for (var h : e.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (COPIED_HEADERS.contains(name)) {
                b.header(h.getKey(), h.getValue());
            } else if (SESSION_HEADERS.contains(name)) {
                needsSession = true;
            } else if (name.equals("authorization") && h.getValue().regionMatches(true, 0, "Basic ", 0, 6)) {
                b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user.username() + ":" + user.password()).getBytes(StandardCharsets.UTF_8)));
            }
        }
        if (needsSession) {
            String id = session();
            b.header("icSessionId", id).header("INFA-SESSION-ID", id);
        }
        String body = login ? credentials(e.body()) : e.body();
        b.method(e.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> r = exchange(b.build());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /** The emulator session the replayed calls use: one v2 login as the catalog user. */
    private String session() throws IOException {
        if (session == null) {
            ObjectNode body = JSON.createObjectNode().put("@type", "login").put("username", user.username())
                    .put("password", user.password());
            HttpResponse<String> r = exchange(HttpRequest.newBuilder(URI.create(loginUrl + "/ma/api/v2/user/login"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
            JsonNode user = json("application/json", r.body());
            if (r.statusCode() != 200 || user == null || !user.hasNonNull("icSessionId")) {
                throw new IOException("the emulator refused the login of " + this.user.username());
            }
            session = user.get("icSessionId").asText();
        }
        return session;
    }

    /** A login body with the catalog user's name and password in place of the trace's placeholders. */
    private String credentials(String body) {
        JsonNode json = json("application/json", body);
        ObjectNode out = json instanceof ObjectNode o ? o : JSON.createObjectNode();
        out.put("username", user.username()).put("password", user.password());
        return out.toString();
    }

    private HttpResponse<String> exchange(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ie);
        }
    }

    private static JsonNode json(String type, String body) {
        if (body == null || body.isBlank() || (type != null && !type.isEmpty() && !type.toLowerCase(Locale.ROOT).contains("json"))) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String describe(String type) {
        return type == null || type.isEmpty() ? "no body" : type;
    }
}
