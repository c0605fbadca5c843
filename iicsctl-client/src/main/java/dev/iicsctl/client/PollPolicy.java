package dev.iicsctl.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a run is polled while waiting for it. Adaptive polling starts quick and slows down:
 * the n-th wait is {@code initial * factor^n}, capped at {@code max}. A fixed policy has
 * {@code initial == max}.
 *
 * @param initial first interval
 * @param max longest interval
 * @param factor growth per poll, at least 1.0
 */
public record PollPolicy(Duration initial, Duration max, double factor) {

    /**
     * Validates the values.
     *
     * @param initial first interval
     * @param max longest interval
     * @param factor growth per poll, at least 1.0
     */
    public PollPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("poll intervals must satisfy 0 < initial <= max");
        }
        if (!(factor >= 1.0)) {
            throw new IllegalArgumentException("poll factor must be at least 1.0, got " + factor);
        }
    }

    /** @return the default adaptive policy: 1 s growing by 1.5 per poll up to 30 s */
    public static PollPolicy adaptive() {
        return new PollPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 1.5);
    }

    /**
     * @param interval the interval between polls
     * @return a policy that polls at a fixed interval
     */
    public static PollPolicy fixed(Duration interval) {
        return new PollPolicy(interval, interval, 1.0);
    }

    /**
     * @param pollsSoFar number of polls already made (0 for the first wait)
     * @return how long to wait before the next poll
     */
    public Duration delay(int pollsSoFar) {
        double millis = initial.toMillis() * Math.pow(factor, Math.max(0, pollsSoFar));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }

    /** @return {@code true} when every interval is the same */
    public boolean isFixed() {
        return initial.equals(max);
    }
}
