package dev.iicsctl.client.internal.http;

import dev.iicsctl.client.RetryPolicy;
import dev.iicsctl.client.internal.time.TimeSource;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter, honouring {@code Retry-After}. */
public final class Backoff {

    private final RetryPolicy policy;
    private final TimeSource time;

    /**
     * @param policy the retry policy
     * @param time what waits are slept on, and the wall clock a {@code Retry-After} date is read against
     */
    public Backoff(RetryPolicy policy, TimeSource time) {
        this.policy = policy;
        this.time = time;
    }

    /**
     * @param retry 1 for the first retry
     * @param headers headers of the failed answer, or {@code null} after a connection error
     * @return how long to wait before that retry
     */
    public Duration delay(int retry, HttpHeaders headers) {
        Optional<Duration> asked = headers == null ? Optional.empty() : retryAfter(headers);
        if (asked.isPresent()) {
            Duration cap = policy.maxBackoff().multipliedBy(2);
            return asked.get().compareTo(cap) > 0 ? cap : asked.get();
        }
        long base = policy.initialBackoff().toMillis() << Math.min(20, retry - 1);
        long capped = Math.min(base, policy.maxBackoff().toMillis());
        // Half fixed, half random: spreads many clients apart without waiting zero.
        long jittered = capped / 2 + (capped <= 1 ? 0 : ThreadLocalRandom.current().nextLong(capped / 2 + 1));
        return Duration.ofMillis(jittered);
    }

    /**
     * Waits, unless the policy says not to sleep.
     *
     * @param delay how long
     */
    public void sleep(Duration delay) {
        if (!policy.sleep() || delay.isZero()) {
            return;
        }
        try {
            time.sleep(Duration.ofMillis(delay.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.iicsctl.client.IicsConnectionException("interrupted while waiting to retry", e);
        }
    }

    /** @return the retry policy */
    public RetryPolicy policy() {
        return policy;
    }

    Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After").flatMap(v -> {
            String value = v.trim();
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException e) {
                try {
                    Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration d = Duration.between(time.now(), when);
                    return Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (RuntimeException ignored) {
                    return Optional.empty();
                }
            }
        });
    }
}
