package dev.iicsctl.client.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One call to the IICS API, before the session header and the base URL of its area are added. A request is safe
 * to send again after a failure unless it is {@linkplain Builder#sentOnce() marked as sent once} (a start, which
 * would start a second run).
 *
 * @param area the API area: decides the base URL and the session header
 * @param method the HTTP method
 * @param path the path below the area's base, starting with {@code /}
 * @param query query parameters (values unencoded), in order
 * @param body the JSON body, or {@code null}
 * @param headers extra headers (e.g. Accept)
 * @param sentOnce whether the request must never be sent again after it may have reached IICS
 * @param saveTo where a success answer's body is streamed to (a log download), or {@code null} to hold it in memory
 */
public record ApiRequest(ApiArea area, String method, String path, Map<String, String> query, JsonNode body,
        Map<String, String> headers, boolean sentOnce, Path saveTo) {

    /** Checks the parts and copies the maps. */
    public ApiRequest {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', got '" + path + "'");
        }
        // Map.copyOf would lose the order; the query is sent as given.
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = Map.copyOf(headers);
        body = body == null ? null : body.deepCopy();
    }

    /**
     * @param area the API area
     * @param path the path below the area's base
     * @return a builder of a GET
     */
    public static Builder get(ApiArea area, String path) {
        return new Builder(area, "GET", path);
    }

    /**
     * @param area the API area
     * @param path the path below the area's base
     * @return a builder of a POST
     */
    public static Builder post(ApiArea area, String path) {
        return new Builder(area, "POST", path);
    }

    /**
     * @param area the API area
     * @param path the path below the area's base
     * @return a builder of a PUT
     */
    public static Builder put(ApiArea area, String path) {
        return new Builder(area, "PUT", path);
    }

    /** @return whether the transport may send it again after a failure */
    public boolean resendable() {
        return !sentOnce;
    }

    /** @return e.g. {@code POST V2 /job}, for messages and tests (no query: it may hold names) */
    @Override
    public String toString() {
        return method + " " + area + " " + path + (sentOnce ? " (sent once)" : "");
    }

    /** Builds an {@link ApiRequest}; not thread-safe, used once. */
    public static final class Builder {
        private final ApiArea area;
        private final String method;
        private final String path;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private JsonNode body;
        private boolean sentOnce;
        private Path saveTo;

        private Builder(ApiArea area, String method, String path) {
            this.area = Objects.requireNonNull(area, "area");
            this.method = method;
            this.path = Objects.requireNonNull(path, "path");
        }

        /**
         * @param name query parameter name
         * @param value its value, unencoded
         * @return this builder
         */
        public Builder query(String name, String value) {
            query.put(Objects.requireNonNull(name, "query name"), Objects.requireNonNull(value, name));
            return this;
        }

        /**
         * @param parameters query parameters to add, in their order
         * @return this builder
         */
        public Builder query(Map<String, String> parameters) {
            parameters.forEach(this::query);
            return this;
        }

        /**
         * @param name header name
         * @param value its value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "header name"), Objects.requireNonNull(value, name));
            return this;
        }

        /**
         * @param json the JSON body
         * @return this builder
         */
        public Builder json(JsonNode json) {
            this.body = Objects.requireNonNull(json, "body");
            return this;
        }

        /**
         * Marks the request as one that must never be sent again once it may have reached IICS: a second start
         * would start a second run. Only a request that certainly never left (a refused connection, a 401) is
         * sent again.
         *
         * @return this builder
         */
        public Builder sentOnce() {
            this.sentOnce = true;
            return this;
        }

        /**
         * @param file where a success answer's body is streamed to, replacing the file
         * @return this builder
         */
        public Builder saveTo(Path file) {
            this.saveTo = Objects.requireNonNull(file, "file");
            return this;
        }

        /** @return the request */
        public ApiRequest build() {
            return new ApiRequest(area, method, path, query, body, headers, sentOnce, saveTo);
        }
    }
}
