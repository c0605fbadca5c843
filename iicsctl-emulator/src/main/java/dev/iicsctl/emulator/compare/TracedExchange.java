package dev.iicsctl.emulator.compare;

import java.net.URI;
import java.util.Map;

/**
 * One request and its answer as a HAR file recorded them.
 *
 * @param method       the HTTP method
 * @param url          the URL the org was asked
 * @param headers      the request headers (placeholders where secrets were)
 * @param body         the request body, or {@code null}
 * @param status       the org's HTTP status
 * @param responseType the org's answer's MIME type ({@code ""} when unknown)
 * @param responseBody the org's answer's text, or {@code null} when not recorded
 */
public record TracedExchange(String method, URI url, Map<String, String> headers, String body, int status,
                             String responseType, String responseBody) {
    public TracedExchange {
        headers = Map.copyOf(headers);
    }

    /** @return e.g. {@code GET /saas/api/v2/activity/activityMonitor}, for reports */
    public String label() {
        return method + " " + url.getRawPath();
    }
}
