package dev.iicsctl.client.internal.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Records every exchange of a client as a HAR 1.2 file (the HTTP Archive format browsers and proxies read), so a
 * user can attach what their org answered to a bug report. Secrets are replaced by stable placeholders when the
 * file is written ({@link SecretPlaceholders}): the same session id is {@code redacted-session-1} everywhere, so
 * the trace still shows which calls shared a session. Bodies are kept up to {@link #MAX_BODY} bytes each.
 */
public final class HarRecorder {
    /** The most of one body kept in the file. */
    static final int MAX_BODY = 256 * 1024;
    /** The most exchanges kept; later ones are counted, not kept. */
    static final int MAX_ENTRIES = 5000;

    private record Exchange(HttpCall call, int attempt, Instant started, Duration took, HttpAnswer answer,
                            String failure) {}

    private final Path file;
    private final String creatorVersion;
    private final Redactor redactor;
    private final List<Exchange> exchanges = new ArrayList<>();
    /** The request this thread is sending: HTTP calls are blocking, one per thread at a time. */
    private final ThreadLocal<Sending> sendingHere = new ThreadLocal<>();
    private int dropped;

    /**
     * @param file           where the HAR goes (written by {@link #write()})
     * @param creatorVersion iicsctl's version, for the HAR's {@code creator}
     * @param redactor       knows every session id and token the client has seen
     */
    public HarRecorder(Path file, String creatorVersion, Redactor redactor) {
        this.file = file;
        this.creatorVersion = creatorVersion;
        this.redactor = redactor;
    }

    private record Sending(Instant at, int attempt) {}

    void sending(int attempt) {
        sendingHere.set(new Sending(Instant.now(), attempt));
    }

    void answered(HttpAnswer answer, Duration took) {
        Sending s = sent(took);
        add(new Exchange(answer.call(), s.attempt(), s.at(), took, answer, null));
    }

    void failed(HttpCall call, Duration took, Exception failure) {
        Sending s = sent(took);
        add(new Exchange(call, s.attempt(), s.at(), took, null,
                failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage())));
    }

    private Sending sent(Duration took) {
        Sending s = sendingHere.get();
        sendingHere.remove();
        return s != null ? s : new Sending(Instant.now().minus(took), 1);
    }

    private synchronized void add(Exchange e) {
        if (exchanges.size() < MAX_ENTRIES) {
            exchanges.add(e);
        } else {
            dropped++;
        }
    }

    /**
     * Writes the file (0600, atomically), replacing every secret by its placeholder.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public synchronized void write() {
        SecretPlaceholders secrets = new SecretPlaceholders(redactor.secrets());
        ObjectNode har = WireJson.object();
        ObjectNode log = har.putObject("log");
        log.put("version", "1.2");
        log.putObject("creator").put("name", "iicsctl").put("version", creatorVersion);
        if (dropped > 0) {
            log.put("comment", dropped + " later exchanges were not kept (at most " + MAX_ENTRIES + ")");
        }
        ArrayNode entries = log.putArray("entries");
        for (Exchange e : exchanges) {
            entries.add(entry(e, secrets));
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".iicsctl-trace", ".tmp");
            try {
                trySetOwnerOnly(tmp);
                Files.writeString(tmp, WireJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(har),
                        StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void trySetOwnerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
    }

    private static ObjectNode entry(Exchange e, SecretPlaceholders secrets) {
        ObjectNode entry = WireJson.object();
        entry.put("startedDateTime", e.started().toString());
        entry.put("time", e.took().toMillis());
        ObjectNode request = entry.putObject("request");
        request.put("method", e.call().method());
        request.put("url", secrets.text(e.call().uri().toString()));
        request.put("httpVersion", "HTTP/1.1");
        request.putArray("cookies");
        ArrayNode headers = request.putArray("headers");
        e.call().headers().forEach((k, v) -> headers.addObject().put("name", k).put("value", secrets.header(k, v)));
        ArrayNode query = request.putArray("queryString");
        queryOf(e.call().uri()).forEach((k, v) -> query.addObject().put("name", k).put("value", secrets.text(v)));
        if (e.call().body() != null) {
            headers.addObject().put("name", "Content-Type").put("value", "application/json");
            request.putObject("postData").put("mimeType", "application/json").put("text", secrets.body(e.call().body()));
        }
        request.put("headersSize", -1);
        request.put("bodySize", e.call().body() == null ? 0 : e.call().body().getBytes(StandardCharsets.UTF_8).length);
        if (e.attempt() > 1) {
            request.put("comment", "attempt " + e.attempt());
        }
        ObjectNode response = entry.putObject("response");
        HttpAnswer a = e.answer();
        response.put("status", a == null ? 0 : a.status());
        response.put("statusText", "");
        response.put("httpVersion", "HTTP/1.1");
        response.putArray("cookies");
        ArrayNode rh = response.putArray("headers");
        if (a != null) {
            a.headers().map().forEach((k, values) -> values.forEach(v ->
                    rh.addObject().put("name", k).put("value", secrets.header(k, v))));
        }
        ObjectNode content = response.putObject("content");
        byte[] body = a == null ? new byte[0] : a.body();
        content.put("size", body.length);
        content.put("mimeType", a == null ? "" : a.headers().firstValue("Content-Type").orElse(""));
        if (body.length > 0) {
            byte[] kept = body.length > MAX_BODY ? java.util.Arrays.copyOf(body, MAX_BODY) : body;
            if (textual(a)) {
                content.put("text", secrets.body(new String(kept, StandardCharsets.UTF_8)));
            } else {
                content.put("text", Base64.getEncoder().encodeToString(kept)).put("encoding", "base64");
            }
            if (kept.length < body.length) {
                content.put("comment", "cut to the first " + MAX_BODY + " of " + body.length + " bytes");
            }
        }
        response.put("redirectURL", "");
        response.put("headersSize", -1);
        response.put("bodySize", body.length);
        if (e.failure() != null) {
            response.put("_error", secrets.text(e.failure()));
        }
        entry.putObject("cache");
        entry.putObject("timings").put("send", 0).put("wait", e.took().toMillis()).put("receive", 0);
        return entry;
    }

    private static boolean textual(HttpAnswer a) {
        String ct = a.contentType();
        return ct.isEmpty() || ct.contains("json") || ct.contains("text") || ct.contains("xml");
    }

    private static Map<String, String> queryOf(URI uri) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        String q = uri.getRawQuery();
        if (q == null || q.isEmpty()) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(java.net.URLDecoder.decode(k, StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }
}
