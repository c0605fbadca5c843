package dev.iicsctl.client.internal.http;

import dev.iicsctl.client.HttpTraceListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verbose HTTP trace: redacted lines to the SLF4J logger {@code dev.iicsctl.client.http} (DEBUG) and to
 * the optional listener. Lines are built only when someone listens.
 */
public final class HttpTrace {

    private static final Logger LOG = LoggerFactory.getLogger("dev.iicsctl.client.http");
    private static final int MAX_BODY = 2000;

    private final Redactor redactor;
    private final HttpTraceListener listener;
    private final HarRecorder har;

    /**
     * @param redactor masks secrets
     * @param listener receives lines, or {@code null}
     */
    public HttpTrace(Redactor redactor, HttpTraceListener listener) {
        this(redactor, listener, null);
    }

    /**
     * @param redactor masks secrets
     * @param listener receives lines, or {@code null}
     * @param har records every exchange for a trace file, or {@code null}
     */
    public HttpTrace(Redactor redactor, HttpTraceListener listener, HarRecorder har) {
        this.redactor = redactor;
        this.listener = listener;
        this.har = har;
    }

    /** @return whether anyone receives trace lines */
    public boolean enabled() {
        return listener != null || LOG.isDebugEnabled();
    }

    /**
     * @param call the request about to be sent
     * @param attempt 1 for the first attempt
     */
    public void request(HttpCall call, int attempt) {
        if (har != null) {
            har.sending(attempt);
        }
        if (!enabled()) {
            return;
        }
        Map<String, String> shown = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        call.headers().forEach((k, v) -> shown.put(k, redactor.isSecretHeader(k) ? Redactor.MASK : v));
        emit("> " + call.method() + " " + redactor.redact(call.uri().toString())
                + (attempt > 1 ? " (attempt " + attempt + ")" : "") + " " + shown
                + (call.body() == null ? "" : " " + body(call.body())));
    }

    /**
     * @param answer the answer received
     * @param took how long it took
     */
    public void answer(HttpAnswer answer, Duration took) {
        if (har != null) {
            har.answered(answer, took);
        }
        if (!enabled()) {
            return;
        }
        String ct = answer.contentType();
        boolean textual = ct.isEmpty() || ct.contains("json") || ct.contains("text") || ct.contains("xml");
        emit("< " + answer.status() + " " + answer.call().label() + " (" + took.toMillis() + " ms, "
                + answer.body().length + " bytes" + (ct.isEmpty() ? "" : ", " + ct) + ")"
                + (textual && answer.body().length > 0 ? " " + body(new String(answer.body(), StandardCharsets.UTF_8)) : ""));
    }

    /**
     * @param call a request that got no answer
     * @param took how long until it failed
     * @param failure why
     */
    public void failed(HttpCall call, Duration took, Exception failure) {
        if (har != null) {
            har.failed(call, took, failure);
        }
        note(call.label() + " failed after " + took.toMillis() + " ms: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }

    /**
     * @param line a free-form note (retry, re-login, reconcile); redacted before output
     */
    public void note(String line) {
        if (enabled()) {
            emit("* " + line);
        }
    }

    private String body(String body) {
        String b = body.length() > MAX_BODY ? body.substring(0, MAX_BODY) + "...(" + body.length() + " chars)" : body;
        return redactor.redact(b.replace('\n', ' ').replace('\r', ' '));
    }

    private void emit(String line) {
        String safe = redactor.redact(line);
        LOG.debug("{}", safe);
        if (listener != null) {
            listener.trace(safe);
        }
    }
}
