package dev.iicsctl.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How idempotent calls are retried on HTTP 429, 502, 503, 504 and connection errors: exponential backoff
 * with jitter from {@code initialBackoff} up to {@code maxBackoff}, honouring {@code Retry-After} (capped at
 * {@code maxBackoff} times two). The start-job POST is never retried blindly, whatever this policy says.
 *
 * @param maxAttempts total attempts per call, at least 1 (1 = no retry)
 * @param initialBackoff wait before the first retry
 * @param maxBackoff longest wait between two attempts
 * @param sleep {@code false} to retry at once without waiting (for tests); the computed delays are still traced
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, boolean sleep) {

    /**
     * Validates the values.
     *
     * @param maxAttempts total attempts per call, at least 1 (1 = no retry)
     * @param initialBackoff wait before the first retry
     * @param maxBackoff longest wait between two attempts
     * @param sleep {@code false} to retry at once without waiting (for tests); the computed delays are still traced
     */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("retry backoff must satisfy 0 <= initialBackoff <= maxBackoff");
        }
    }

    /** @return 5 attempts, 500 ms growing to 10 s, with sleeping */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(10), true);
    }

    /** @return a single attempt: no retries */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, false);
    }

    /** @return this policy without the waits (retries happen at once); for tests */
    public RetryPolicy withoutSleep() {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, false);
    }
}
