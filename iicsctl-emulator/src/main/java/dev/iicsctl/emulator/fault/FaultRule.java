package dev.iicsctl.emulator.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault rule: which requests it matches and what it does to them.
 *
 * @param method      HTTP method to match, or {@code null} for any
 * @param path        exact path, or a prefix when it ends with {@code *}
 * @param times       how many matching requests it applies to; {@code null} = unlimited
 * @param probability chance (0..1) that a matching request is affected; draws use the emulator's seed
 * @param delay       wait before acting (the lateness of a {@code delay} fault)
 * @param fault       the action
 */
public record FaultRule(String method, String path, Integer times, double probability, Duration delay, Fault fault) {
    public FaultRule {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fault, "fault");
        delay = delay == null ? Duration.ZERO : delay;
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be between 0 and 1, not " + probability);
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1, not " + times);
        }
        if (fault instanceof Fault.Delay && delay.isZero()) {
            throw new IllegalArgumentException("a delay fault needs a delay such as \"2s\"");
        }
    }

    /** Answer {@code status} (with an error object body) instead of handling matching requests. */
    public static FaultRule status(String method, String path, int status) {
        return of(method, path, new Fault.Status(status, null, null, null));
    }

    /** Answer {@code status} with this content type and body instead of handling matching requests. */
    public static FaultRule status(String method, String path, int status, String contentType, String body) {
        return of(method, path, new Fault.Status(status, contentType, body, null));
    }

    /** Handle matching requests, but answer {@code delay} late. */
    public static FaultRule delay(String method, String path, Duration delay) {
        return new FaultRule(method, path, null, 1, delay, new Fault.Delay());
    }

    /** Close the connection of matching requests without handling them. */
    public static FaultRule dropBefore(String method, String path) {
        return of(method, path, new Fault.DropBefore());
    }

    /** Handle matching requests, then close the connection without answering. */
    public static FaultRule dropAfter(String method, String path) {
        return of(method, path, new Fault.DropAfter());
    }

    /** Handle matching requests and answer 200 with a truncated body. */
    public static FaultRule malformed(String method, String path) {
        return of(method, path, new Fault.Malformed());
    }

    /** Handle matching requests, send the headers of the answer, then stall without sending its body. */
    public static FaultRule stall(String method, String path) {
        return of(method, path, new Fault.Stall());
    }

    /** Handle matching requests and send each answer one byte every {@code interval}. */
    public static FaultRule drip(String method, String path, Duration interval) {
        return of(method, path, new Fault.Drip(interval));
    }

    /** Parses a rule from its control-API JSON. @throws IllegalArgumentException naming the bad field */
    public static FaultRule fromJson(String json) {
        return FaultRules.parse(json);
    }

    private static FaultRule of(String method, String path, Fault fault) {
        return new FaultRule(method, path, null, 1, Duration.ZERO, fault);
    }

    /** This rule, applying only to the first {@code n} matching requests. */
    public FaultRule times(int n) {
        return new FaultRule(method, path, n, probability, delay, fault);
    }

    /** This rule, applying to a matching request with probability {@code p}. */
    public FaultRule probability(double p) {
        return new FaultRule(method, path, times, p, delay, fault);
    }

    /** This rule, acting after {@code d}. */
    public FaultRule delay(Duration d) {
        return new FaultRule(method, path, times, probability, d, fault);
    }

    /** This {@code status} rule, with a {@code Retry-After} header. */
    public FaultRule retryAfterSeconds(int seconds) {
        if (!(fault instanceof Fault.Status s)) {
            throw new IllegalStateException("retryAfterSeconds applies to status faults only");
        }
        return new FaultRule(method, path, times, probability, delay,
                new Fault.Status(s.status(), s.contentType(), s.body(), seconds));
    }

    /**
     * A short name of what this rule does, used to count injected faults by kind: {@code "status 503"},
     * {@code "status 502 text/html"}, {@code "status 429 Retry-After"}, {@code "delay 600ms"},
     * {@code "drop-before"}, {@code "drop-after"}, {@code "malformed"}, {@code "stall"}, {@code "drip 100ms"}
     * (a non-zero delay of another action is
     * added as {@code " after 600ms"}).
     */
    public String label() {
        StringBuilder b = new StringBuilder(fault.action());
        if (fault instanceof Fault.Status s) {
            b.append(' ').append(s.status());
            if (s.contentType() != null) {
                b.append(' ').append(s.contentType().split(";")[0].trim());
            }
            if (s.retryAfterSeconds() != null) {
                b.append(" Retry-After");
            }
        }
        if (fault instanceof Fault.Drip d) {
            b.append(' ').append(d.interval().toMillis()).append("ms");
        }
        if (fault instanceof Fault.Delay) {
            b.append(' ').append(delay.toMillis()).append("ms");
        } else if (!delay.isZero()) {
            b.append(" after ").append(delay.toMillis()).append("ms");
        }
        return b.toString();
    }

    /** Whether this rule's method and path select the request. */
    public boolean selects(String requestMethod, String requestPath) {
        if (method != null && !method.equalsIgnoreCase(requestMethod)) {
            return false;
        }
        return path.endsWith("*") ? requestPath.startsWith(path.substring(0, path.length() - 1))
                : path.equals(requestPath);
    }
}
