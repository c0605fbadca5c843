package dev.iicsctl.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer produced by a handler, before rendering. A JSON answer on a v2 route is rendered as XML when
 * the client asks for XML, under the element {@link #xmlRoot()}.
 *
 * @param status      HTTP status
 * @param json        the JSON body, or {@code null} for a raw body
 * @param xmlRoot     root element name for XML rendering
 * @param raw         the raw body when {@code json} is null
 * @param contentType the raw body's content type
 * @param headers     extra headers
 */
public record Response(int status, JsonNode json, String xmlRoot, byte[] raw, String contentType,
                       Map<String, String> headers) {
    private static final byte[] EMPTY = new byte[0];

    public Response {
        headers = Map.copyOf(headers);
    }

    /** A JSON answer. */
    public static Response json(int status, JsonNode body) {
        return new Response(status, body, null, null, null, Map.of());
    }

    /** A 200 JSON answer. */
    public static Response ok(JsonNode body) {
        return json(200, body);
    }

    /** A raw answer with its own content type. */
    public static Response raw(int status, String contentType, byte[] body) {
        return new Response(status, null, null, body, contentType, Map.of());
    }

    /** A 200 plain text answer. */
    public static Response text(String body) {
        return raw(200, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A 200 "REST API success object". Informatica documents that some v2 resources (job stop, logoutall) answer
     * one but shows no example; the emulator's shape is {@code {"@type":"success","description":...}}.
     */
    public static Response success(String description) {
        com.fasterxml.jackson.databind.node.ObjectNode body = Json.object();
        body.put("@type", "success");
        body.put("description", description);
        return ok(body).withXmlRoot("success");
    }

    /** A 200 answer with no body. */
    public static Response empty() {
        return raw(200, null, EMPTY);
    }

    /** The same answer, rendered under {@code root} when XML is asked for. */
    public Response withXmlRoot(String root) {
        return new Response(status, json, root, raw, contentType, headers);
    }

    /** The same answer with one more header. */
    public Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, json, xmlRoot, raw, contentType, h);
    }

    /** The same answer with a replaced raw body. */
    public Response withRawBody(int newStatus, String type, byte[] body) {
        return new Response(newStatus, null, null, body, type, headers);
    }
}
