package dev.iicsctl.emulator.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One received HTTP request, immutable. Header names are matched case-insensitively (IICS clients send
 * {@code icSessionId}, {@code icSessionID}, {@code INFA-SESSION-ID}, ...).
 *
 * @param method     upper-case method
 * @param path       decoded path, without query
 * @param rawQuery   the query string as sent, or {@code null}
 * @param query      decoded query parameters (first value wins)
 * @param headers    headers, keys lower-cased
 * @param body       the body bytes (empty when none)
 * @param pathParams values of the route template's placeholders
 * @param received   when it arrived
 */
public record Request(String method, String path, String rawQuery, Map<String, String> query,
                      Map<String, String> headers, byte[] body, Map<String, String> pathParams, Instant received) {

    /** Parses a query string such as {@code a=1&b=x%20y}. */
    public static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(key, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Lower-cases header names of a multi-valued map, keeping the first value. */
    public static Map<String, String> headerMap(Map<String, List<String>> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (k != null && !v.isEmpty()) {
                out.putIfAbsent(k.toLowerCase(Locale.ROOT), v.get(0));
            }
        });
        return out;
    }

    /** The same request with the route's placeholder values. */
    public Request withPathParams(Map<String, String> params) {
        return new Request(method, path, rawQuery, query, headers, body, params, received);
    }

    /** A header value by case-insensitive name, or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** A query parameter, or {@code null}. */
    public String query(String name) {
        return query.get(name);
    }

    /**
     * A whole-number query parameter.
     *
     * @throws ApiException 400 when it is not a whole number &gt;= 0
     */
    public long queryNumber(String name, long fallback) {
        String text = query(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("'" + name + "' must be a whole number >= 0, not '" + text + "'.");
    }

    /** A path placeholder value. */
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** Whether the body is XML ({@code Content-Type} names xml). */
    public boolean bodyIsXml() {
        String type = header("content-type");
        return type != null && type.toLowerCase(Locale.ROOT).contains("xml");
    }

    /** Whether the client asked for XML ({@code Accept} names xml and not json first). */
    public boolean acceptsXml() {
        String accept = header("accept");
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        int xml = a.indexOf("xml");
        int json = a.indexOf("json");
        return xml >= 0 && (json < 0 || xml < json);
    }

    /**
     * The body as an object: JSON by default, XML when {@code Content-Type} says so. An empty body is an empty
     * object, so that the caller reports the missing fields by name.
     *
     * @throws ApiException 400 when the body cannot be parsed or is not an object
     */
    public ObjectNode bodyObject() {
        if (body.length == 0) {
            return Json.object();
        }
        if (bodyIsXml()) {
            return XmlCodec.read(body);
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new ApiException(400, ErrorCodes.MALFORMED_BODY, "The request body is not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse("parse error") + ".");
        } catch (java.io.IOException e) {
            throw new ApiException(400, ErrorCodes.MALFORMED_BODY, "The request body cannot be read.");
        }
        if (node == null || !node.isObject()) {
            throw new ApiException(400, ErrorCodes.MALFORMED_BODY, "The request body must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    @Override
    public String toString() {
        return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
