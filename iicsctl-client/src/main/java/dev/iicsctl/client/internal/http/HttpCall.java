package dev.iicsctl.client.internal.http;

import java.net.URI;
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
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, String body, boolean idempotent) {

    /** Copies the headers. */
    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
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
