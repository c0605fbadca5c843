package dev.iicsctl.emulator.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the exchanges of a HAR 1.2 file ({@code log.entries[].request/response}), as browsers and proxies write them. */
public final class HarReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HarReader() {}

    /**
     * @param file a {@code .har} file
     * @return its exchanges, in file order
     * @throws IllegalArgumentException naming the file and the problem, when it cannot be read or is not HAR
     */
    public static List<TracedExchange> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read HAR file " + file + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : firstLine(e.getMessage())));
        }
        JsonNode entries = root == null ? null : root.path("log").get("entries");
        if (entries == null || !entries.isArray()) {
            throw new IllegalArgumentException(file + " is not a HAR file: it has no log.entries list");
        }
        List<TracedExchange> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : entries) {
            i++;
            JsonNode request = e.path("request");
            JsonNode response = e.path("response");
            String method = request.path("method").asText("");
            String url = request.path("url").asText("");
            if (method.isEmpty() || url.isEmpty()) {
                throw new IllegalArgumentException(file + ": entry " + i + " has no request method or url");
            }
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(file + ": entry " + i + " has a url that is not a URL: " + url);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (JsonNode h : request.path("headers")) {
                headers.put(h.path("name").asText(), h.path("value").asText());
            }
            JsonNode post = request.get("postData");
            String body = post == null || post.get("text") == null ? null : post.get("text").asText();
            JsonNode content = response.path("content");
            String text = content.get("text") == null || content.get("text").isNull() ? null : content.get("text").asText();
            if (text != null && "base64".equalsIgnoreCase(content.path("encoding").asText())) {
                text = new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
            }
            out.add(new TracedExchange(method.toUpperCase(Locale.ROOT), uri, headers, body,
                    response.path("status").asInt(0), content.path("mimeType").asText(""), text));
        }
        return out;
    }

    private static String firstLine(String s) {
        return s == null ? "read error" : s.lines().findFirst().orElse("read error");
    }
}
