package dev.iicsctl.client.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.client.IicsApiException;
import java.io.IOException;

/**
 * Jackson set up for IICS: unknown fields ignored, and a non-JSON answer (an HTML page, a truncated body)
 * turned into an {@link IicsApiException} instead of a parser stack trace.
 */
public final class WireJson {

    /** The shared mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private WireJson() {
    }

    /** @return a new empty object node */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * @param node a JSON node
     * @return its compact text
     */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * @param answer a successful answer
     * @return its body as JSON ({@code null} node for an empty body)
     * @throws IicsApiException when the body is not JSON
     */
    public static JsonNode parse(HttpAnswer answer) {
        if (answer.body().length == 0) {
            return MAPPER.nullNode();
        }
        try {
            JsonNode node = MAPPER.readTree(answer.body());
            return node == null ? MAPPER.nullNode() : node;
        } catch (IOException e) {
            throw ErrorMapper.notJson(answer, e);
        }
    }

    /**
     * @param answer any answer
     * @return its body as JSON, or {@code null} when it is not JSON
     */
    public static JsonNode tryParse(HttpAnswer answer) {
        if (answer.body().length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(answer.body());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * @param node an object node or null
     * @param field field name
     * @return the field as text, or {@code null} when absent, null or not a scalar
     */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /**
     * Reads a number sent as a JSON number or as a string.
     *
     * @param node an object node or null
     * @param field field name
     * @return the value, or {@code null} when absent or not a number
     */
    public static Long number(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * @param node an object node or null
     * @param field field name
     * @return {@code true} only for JSON true or the string "true"
     */
    public static boolean flag(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && (v.isBoolean() ? v.asBoolean() : "true".equalsIgnoreCase(v.asText()));
    }
}
