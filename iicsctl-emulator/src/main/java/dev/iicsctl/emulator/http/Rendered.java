package dev.iicsctl.emulator.http;

import java.util.Arrays;
import java.util.Map;

/**
 * An answer as bytes on the wire.
 *
 * @param status      HTTP status
 * @param contentType content type, or {@code null} for no body
 * @param body        body bytes
 * @param headers     extra headers
 */
record Rendered(int status, String contentType, byte[] body, Map<String, String> headers) {
    private static final String JSON = "application/json; charset=utf-8";
    private static final String XML = "application/xml; charset=utf-8";

    /** Renders {@code r}: JSON, or XML on a v2 route when the client asks for XML. */
    static Rendered of(Response r, ErrorStyle style, boolean wantsXml) {
        if (r.json() == null) {
            return new Rendered(r.status(), r.contentType(), r.raw(), r.headers());
        }
        if (wantsXml && style == ErrorStyle.V2) {
            String root = r.xmlRoot() != null ? r.xmlRoot()
                    : r.json().hasNonNull("@type") ? r.json().get("@type").asText() : "response";
            return new Rendered(r.status(), XML, XmlCodec.write(root, r.json()), r.headers());
        }
        return new Rendered(r.status(), JSON, Json.bytes(r.json()), r.headers());
    }

    /** The same answer with one more header. */
    Rendered withHeader(String name, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new Rendered(status, contentType, body, h);
    }

    /** The {@code malformed} fault: status 200 and the body cut in half, so that it cannot be parsed. */
    Rendered truncated() {
        byte[] cut = body.length > 1 ? Arrays.copyOf(body, body.length / 2) : "{\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new Rendered(200, contentType == null ? JSON : contentType, cut, headers);
    }
}
