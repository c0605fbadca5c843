package dev.iicsctl.client.internal.http;

import dev.iicsctl.client.IicsApiException;
import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.internal.ClientConfig;
import dev.iicsctl.client.internal.time.TimeSource;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sends requests with the JDK {@link HttpClient}. Idempotent calls are retried on 429, 500, 502, 503, 504 and
 * connection errors with jittered exponential backoff, honouring {@code Retry-After}. Non-idempotent calls
 * (the start-job POST) are sent exactly once here: their callers decide what an unknown outcome means.
 */
public final class HttpTransport {

    /**
     * Statuses after which an idempotent call is sent again. A 500 is as transient as a 503 in practice (a
     * pod restarting, a gateway hiccup), and a safe request loses nothing by being sent again.
     */
    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);

    private final HttpClient client;
    private final Duration readTimeout;
    private final String userAgent;
    private final HttpTrace trace;
    private final Backoff backoff;
    private final AnswerLimits limits;
    private final ServerClock clock;
    private final TimeSource time;

    /**
     * @param config client settings (timeouts, proxy, CA file, user agent, retry policy)
     * @param trace where the trace goes
     */
    public HttpTransport(ClientConfig config, HttpTrace trace) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(TrustSetup.context(config.caFile()));
        if (config.proxy() != null) {
            b.proxy(ProxySelector.of(config.proxy()));
        }
        this.client = b.build();
        this.readTimeout = config.readTimeout();
        this.userAgent = config.userAgent();
        this.trace = trace;
        this.time = config.time();
        this.clock = new ServerClock(time.wallClock());
        this.backoff = new Backoff(config.retryPolicy(), time);
        this.limits = config.answerLimits();
    }

    /** @return how much of an answer is read */
    public AnswerLimits limits() {
        return limits;
    }

    /** @return the server clock estimated from answers */
    public ServerClock clock() {
        return clock;
    }

    /** @return the time every wait of the client is slept on */
    public TimeSource time() {
        return time;
    }

    /** @return the backoff (shared with callers that retry at a higher level) */
    public Backoff backoff() {
        return backoff;
    }

    /** @return the trace */
    public HttpTrace trace() {
        return trace;
    }

    /**
     * Sends a call, retrying it when it is idempotent and the failure is transient.
     *
     * @param call the call
     * @return the answer (any status; callers map errors)
     * @throws IicsConnectionException when the service cannot be reached after the retries
     */
    public HttpAnswer execute(HttpCall call) {
        int max = call.idempotent() ? backoff.policy().maxAttempts() : 1;
        for (int attempt = 1;; attempt++) {
            try {
                HttpAnswer answer = sendOnce(call, attempt);
                if (attempt < max && RETRYABLE.contains(answer.status())) {
                    Duration delay = backoff.delay(attempt, answer.headers());
                    trace.note("HTTP " + answer.status() + " on " + call.label() + ": retry " + attempt + " of "
                            + (max - 1) + " in " + delay.toMillis() + " ms"
                            + (answer.headers().firstValue("Retry-After").isPresent() ? " (Retry-After)" : ""));
                    backoff.sleep(delay);
                    continue;
                }
                return answer;
            } catch (IOException e) {
                // A refused certificate will be refused again: retrying only delays the message.
                if (attempt >= max || tlsFailure(e)) {
                    throw connectionFailure(call, e, attempt);
                }
                Duration delay = backoff.delay(attempt, null);
                trace.note(e.getClass().getSimpleName() + " on " + call.label() + ": retry " + attempt + " of "
                        + (max - 1) + " in " + delay.toMillis() + " ms");
                backoff.sleep(delay);
            }
        }
    }

    /**
     * Sends a call and reads its answer; when the reader finds a success answer garbled (cut short by a proxy
     * or a dropped connection, an HTML page), an idempotent call is sent again like any other transient
     * failure, with the same backoff, up to the retry policy's attempts.
     *
     * @param idempotent whether the call may be sent again
     * @param send sends the call once (with its own transport retries)
     * @param reader reads the answer; throws {@link GarbledAnswerException} for a garbled one
     * @param <T> what the reader makes of the answer
     * @return what the reader made of the first answer that was not garbled
     */
    public <T> T read(boolean idempotent, Supplier<HttpAnswer> send, Function<HttpAnswer, T> reader) {
        int max = idempotent ? backoff.policy().maxAttempts() : 1;
        for (int attempt = 1;; attempt++) {
            HttpAnswer answer = send.get();
            try {
                return reader.apply(answer);
            } catch (GarbledAnswerException garbled) {
                if (attempt >= max) {
                    throw garbled;
                }
                Duration delay = backoff.delay(attempt, null);
                trace.note("answer to " + answer.call().label() + " is not JSON: reading again, retry " + attempt
                        + " of " + (max - 1) + " in " + delay.toMillis() + " ms");
                backoff.sleep(delay);
            }
        }
    }

    /**
     * @param failure an exception thrown by {@link #execute}
     * @return {@code true} when the request certainly never reached the server (connection refused or connect
     *     timeout), so a non-idempotent call may be sent again safely
     */
    public static boolean neverSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    private HttpAnswer sendOnce(HttpCall call, int attempt) throws IOException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(call.uri()).timeout(readTimeout)
                .header("User-Agent", userAgent);
        if (!call.headers().containsKey("Accept")) {
            rb.header("Accept", "application/json");
        }
        call.headers().forEach(rb::header);
        if (call.body() != null) {
            rb.header("Content-Type", "application/json");
            rb.method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        } else {
            rb.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        trace.request(call, attempt);
        // Real time on purpose, like the deadline below: the trace times the network (TimeSource).
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = sendWithinDeadline(rb.build(), call);
        } catch (IOException e) {
            trace.failed(call, Duration.ofNanos(System.nanoTime() - t0), e);
            throw e;
        } catch (AnswerTooLargeException e) {
            trace.note(call.label() + ": " + e.getMessage() + ", reading stopped");
            throw new IicsApiException("IICS answered " + call.label() + " with more than "
                    + AnswerLimits.describe(e.limit()) + ", more than any answer it should send: not read; "
                    + "retry later, and check the proxy or gateway in between", 0, null, null, call.label(), e);
        }
        clock.observe(response.headers());
        HttpAnswer answer = new HttpAnswer(call, response.statusCode(), response.headers(), response.body());
        trace.answer(answer, Duration.ofNanos(System.nanoTime() - t0));
        return answer;
    }

    /**
     * Sends a request and reads its whole answer, headers and body, within the read timeout. The JDK's own
     * request timeout ends when the headers have come, so a body that stalls or trickles would hold the call
     * for ever; here the deadline covers the body too, and the body is cut off when it passes its size limit.
     */
    private HttpResponse<byte[]> sendWithinDeadline(HttpRequest request, HttpCall call) throws IOException {
        AtomicReference<CappedBody<byte[]>> body = new AtomicReference<>();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            boolean toFile = call.saveTo() != null && info.statusCode() >= 200 && info.statusCode() < 300;
            CappedBody<byte[]> b = toFile ? new FileBody(call.saveTo(), limits.downloadBytes())
                    : new MemoryBody(limits.jsonBytes());
            body.set(b);
            return b;
        };
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, handler);
        try {
            // The network's real time, never the client's TimeSource: a socket does not hang in virtual time.
            return pending.get(readTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            HttpTimeoutException late = new HttpTimeoutException("no complete answer within " + describe(readTimeout));
            abandon(pending, body.get(), late);
            throw late;
        } catch (InterruptedException e) {
            abandon(pending, body.get(), e);
            Thread.currentThread().interrupt();
            throw new IicsConnectionException("interrupted while calling IICS (" + call.label() + ")", e,
                    !call.idempotent());
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    private static void abandon(CompletableFuture<?> pending, CappedBody<?> body, Throwable why) {
        if (body != null) {
            body.abandon(why);
        }
        pending.cancel(true);
    }

    /** The failure of an asynchronous send, as {@code send} would have thrown it. */
    private static IOException rethrown(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new IOException(t);
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * Ends the HTTP client's selector thread. JDK 17's {@link HttpClient} has no {@code close()}: the thread lives
     * until the client is garbage collected, and while it waits in native code a JVM exit waits for it (for about
     * 300 ms: the VM gives threads in native code that long to stop; docs/benchmarks.md). An interrupt ends it.
     * On JDK 21 and later, the client's own {@code close()} does it. No call can be made afterwards.
     */
    public void close() {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // nothing is left to release
            }
            return;
        }
        // The JDK names the thread after the client's id, which its toString() ends with: "...(7)".
        String text = client.toString();
        int open = text.lastIndexOf('(');
        if (open < 0 || !text.endsWith(")")) {
            return;
        }
        String name = "HttpClient-" + text.substring(open + 1, text.length() - 1) + "-SelectorManager";
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            if (threads[i].getName().equals(name)) {
                threads[i].interrupt();
            }
        }
    }

    private static boolean tlsFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    private IicsConnectionException connectionFailure(HttpCall call, IOException e, int attempts) {
        String where = call.uri().getScheme() + "://" + call.uri().getAuthority();
        String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
        if (tlsFailure(e)) {
            return new IicsConnectionException("TLS handshake with " + where + " failed (certificate not trusted?): "
                    + "if a proxy or gateway with its own CA sits in between, give that CA as a PEM file (CA file setting)",
                    e);
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
            return new IicsConnectionException("cannot connect to IICS at " + where + tries
                    + ": check the login URL, the network and the proxy setting", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new IicsConnectionException("IICS did not answer " + call.label() + " within "
                    + describe(readTimeout) + tries
                    + ": retry later or raise the read timeout", e);
        }
        return new IicsConnectionException("connection to IICS at " + where + " failed during " + call.label() + tries
                + " (" + e.getClass().getSimpleName() + "): retry later; check the network and proxy", e);
    }
}
