package dev.iicsctl.client.internal.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP answer, fully read: into memory, or for a call with {@link HttpCall#saveTo()} and a success status,
 * into that file (and then {@link #body()} is empty).
 *
 * @param call the request it answers
 * @param status HTTP status
 * @param headers response headers
 * @param body the body bytes (maybe empty)
 */
public record HttpAnswer(HttpCall call, int status, HttpHeaders headers, byte[] body) {

    /** @return the body as UTF-8 text */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the Content-Type in lower case, or an empty string */
    public String contentType() {
        return headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    }

    /** @return {@code true} for 2xx */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
