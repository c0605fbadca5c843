package dev.iicsctl.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.iicsctl.emulator.fault.Fault;
import dev.iicsctl.emulator.fault.FaultRule;
import dev.iicsctl.emulator.fault.FaultRules;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Turns an exchange into a routed, recorded, possibly faulted answer. Latency and delays never block a worker:
 * a late answer is scheduled, so slow answers do not starve other requests.
 */
public final class Pipeline implements HttpHandler {
    /** Header that identifies the emulator and its version on every answer. */
    public static final String VERSION_HEADER = "X-Iics-Emulator";
    private static final String CONTROL_PREFIX = "/_emulator/";

    private final Router router;
    private final Settings settings;
    private final FaultRules faults;
    private final RequestObserver observer;
    private final SlowAnswers slow;

    /**
     * The pipeline's fixed surroundings.
     *
     * @param version      value of the version header
     * @param latency      added to every API answer
     * @param loginLatency added to login answers instead of {@code latency}
     * @param clock        receive times
     * @param scheduler    schedules late answers
     * @param workers      writes late answers
     */
    public record Settings(String version, Duration latency, Duration loginLatency, Clock clock,
                           ScheduledExecutorService scheduler, Executor workers) {}

    public Pipeline(Router router, Settings settings, FaultRules faults, RequestObserver observer) {
        this.router = router;
        this.settings = settings;
        this.faults = faults;
        this.observer = observer;
        this.slow = new SlowAnswers(settings.scheduler());
    }

    @Override
    public void handle(HttpExchange exchange) {
        Request request;
        try {
            request = read(exchange);
        } catch (IOException | RuntimeException e) {
            exchange.close();
            return;
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        Router.Match match = router.match(request.method(), rawPath);
        boolean control = request.path().startsWith(CONTROL_PREFIX);
        Optional<FaultRule> rule = control ? Optional.empty() : faults.apply(request.method(), request.path());
        Duration wait = control ? Duration.ZERO : latency(match).plus(rule.map(FaultRule::delay).orElse(Duration.ZERO));
        String key = match.key(request.method(), rawPath);
        applyAndAnswer(exchange, request, match, rule.orElse(null), wait, control ? null : key);
    }

    /** The one place where fault rules take effect. */
    private void applyAndAnswer(HttpExchange exchange, Request request, Router.Match match, FaultRule rule,
                                Duration wait, String key) {
        Fault fault = rule == null ? null : rule.fault();
        String label = rule == null ? null : rule.label();
        if (fault instanceof Fault.DropBefore) {
            observe(key, request, 0, label);
            later(wait, exchange::close, exchange);
            return;
        }
        Response response = fault instanceof Fault.Status s ? forced(s, match) : dispatch(match, request);
        if (fault instanceof Fault.DropAfter) {
            observe(key, request, 0, label);
            later(wait, exchange::close, exchange);
            return;
        }
        Rendered rendered = Rendered.of(response, match.style(), request.acceptsXml());
        if (fault instanceof Fault.Malformed) {
            rendered = rendered.truncated();
        }
        observe(key, request, rendered.status(), label);
        Rendered answer = rendered;
        if (fault instanceof Fault.Stall) {
            later(wait, () -> slow.stall(exchange, withVersion(answer)), exchange);
        } else if (fault instanceof Fault.Drip d) {
            later(wait, () -> slow.drip(exchange, withVersion(answer), d.interval()), exchange);
        } else {
            later(wait, () -> write(exchange, answer), exchange);
        }
    }

    private Response dispatch(Router.Match match, Request request) {
        if (match.route() == null) {
            return match.style().render(match.error());
        }
        try {
            return match.route().handler().handle(request.withPathParams(match.params()));
        } catch (ApiException e) {
            return match.style().render(e);
        } catch (RuntimeException e) {
            System.err.println("iicsctl emulator: internal error on " + request.method() + " " + request.path()
                    + ": " + e);
            return match.style().render(new ApiException(500, ErrorCodes.INTERNAL,
                    "The emulator failed to handle this request: " + e.getClass().getSimpleName() + "."));
        }
    }

    private static Response forced(Fault.Status s, Router.Match match) {
        Response r = s.body() == null
                ? Response.json(s.status(), match.style().body(s.status(), ErrorCodes.FAULT,
                        "Service unavailable (emulated fault)."))
                : Response.raw(s.status(), s.contentType() == null ? "text/plain; charset=utf-8" : s.contentType(),
                        s.body().getBytes(StandardCharsets.UTF_8));
        return s.retryAfterSeconds() == null ? r : r.withHeader("Retry-After", Integer.toString(s.retryAfterSeconds()));
    }

    private Duration latency(Router.Match match) {
        boolean login = match.route() != null && match.route().login();
        return login && settings.loginLatency() != null ? settings.loginLatency() : settings.latency();
    }

    private void observe(String key, Request request, int status, String fault) {
        if (key != null) {
            observer.observed(key, request, status, fault);
        }
    }

    private void later(Duration wait, Runnable action, HttpExchange exchange) {
        if (wait.isZero() || wait.isNegative()) {
            action.run();
            return;
        }
        try {
            settings.scheduler().schedule(() -> {
                try {
                    settings.workers().execute(action);
                } catch (RejectedExecutionException e) {
                    exchange.close();
                }
            }, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            exchange.close();
        }
    }

    private Rendered withVersion(Rendered r) {
        return r.withHeader(VERSION_HEADER, settings.version());
    }

    private void write(HttpExchange exchange, Rendered r) {
        try {
            SlowAnswers.headers(exchange, withVersion(r));
            exchange.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            if (r.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(r.body());
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to answer.
        } finally {
            exchange.close();
        }
    }

    private Request read(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        byte[] body;
        try (var in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new Request(exchange.getRequestMethod().toUpperCase(Locale.ROOT), uri.getPath(),
                uri.getRawQuery(), Request.parseQuery(uri.getRawQuery()),
                Request.headerMap(exchange.getRequestHeaders()), body, Map.of(),
                settings.clock().instant());
    }
}
