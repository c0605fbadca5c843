package dev.iicsctl.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The {@code stall} and {@code drip} faults: answers whose headers arrive at once and whose body arrives late
 * or never, as from a proxy that stalls mid-answer. No thread waits: the next byte is scheduled.
 */
final class SlowAnswers {
    /** How long a stalled answer keeps its connection before the emulator closes it. */
    static final Duration STALL_LIMIT = Duration.ofMinutes(10);

    private final ScheduledExecutorService scheduler;

    SlowAnswers(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Sets the answer's content type and extra headers on the exchange. */
    static void headers(HttpExchange exchange, Rendered r) {
        if (r.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", r.contentType());
        }
        r.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    }

    /** Sends the status line and headers (announcing the whole body), then nothing. */
    void stall(HttpExchange exchange, Rendered r) {
        try {
            headers(exchange, r);
            exchange.sendResponseHeaders(r.status(), Math.max(1, r.body().length));
            schedule(exchange::close, STALL_LIMIT, exchange);
        } catch (IOException e) {
            exchange.close();
        }
    }

    /** Sends the status line and headers, then the body one byte every {@code interval}. */
    void drip(HttpExchange exchange, Rendered r, Duration interval) {
        byte[] body = r.body().length == 0 ? new byte[] {' '} : r.body();
        try {
            headers(exchange, r);
            exchange.sendResponseHeaders(r.status(), body.length);
        } catch (IOException e) {
            exchange.close();
            return;
        }
        dripFrom(exchange, exchange.getResponseBody(), body, 0, interval);
    }

    private void dripFrom(HttpExchange exchange, OutputStream out, byte[] body, int next, Duration interval) {
        try {
            out.write(body[next]);
            out.flush();
        } catch (IOException e) {
            exchange.close();
            return;
        }
        if (next + 1 >= body.length) {
            exchange.close();
            return;
        }
        schedule(() -> dripFrom(exchange, out, body, next + 1, interval), interval, exchange);
    }

    private void schedule(Runnable action, Duration after, HttpExchange exchange) {
        try {
            scheduler.schedule(action, after.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            exchange.close();
        }
    }
}
