package dev.iicsctl.client.internal.http;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request to send.
 *
 * @param method GET or POST
 * @param uri the full URI, query included
 * @param headers extra headers (session header, Accept)
 * @param body JSON body, or {@code null}
 * @param idempotent whether it may be resent after a failure (never true for the start-job POST)
 * @param saveTo where a success answer's body is streamed to (a log download), or {@code null} to hold it in
 *     memory
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, String body, boolean idempotent,
        Path saveTo) {

    /** Copies the headers. */
    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
    }

    /**
     * A call whose answer is held in memory.
     *
     * @param method GET or POST
     * @param uri the full URI, query included
     * @param headers extra headers
     * @param body JSON body, or {@code null}
     * @param idempotent whether it may be resent after a failure
     */
    public HttpCall(String method, URI uri, Map<String, String> headers, String body, boolean idempotent) {
        this(method, uri, headers, body, idempotent, null);
    }

    /**
     * @param file where to stream a success answer's body
     * @return this call, saving its answer into {@code file}
     */
    public HttpCall savingTo(Path file) {
        return new HttpCall(method, uri, headers, body, idempotent, file);
    }

    /** @return e.g. {@code POST /saas/api/v2/job}: method and path, no host and no query (safe for messages) */
    public String label() {
        return method + " " + uri.getRawPath();
    }

    @Override
    public String toString() {
        return label();
    }
}
