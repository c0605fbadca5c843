package dev.iicsctl.client.internal.poll;

import dev.iicsctl.client.IicsApiException;
import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.internal.time.TimeSource;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The waiting loop shared by jobs and taskflows: look, report changes, stop when finished, sleep as the poll
 * policy says, give up at the deadline. A long wait rides out a short outage: a look that still fails after
 * the transport's retries is tried again at the next interval, and only {@link #MAX_FAILED_POLLS} failed
 * looks in a row end the wait.
 *
 * @param <T> what one look returns
 */
public final class Poller<T> {

    /** Looks in a row that may fail (each after the transport's own retries) before the wait fails. */
    public static final int MAX_FAILED_POLLS = 3;

    private final TimeSource time;
    private final Supplier<T> look;
    private final Predicate<T> finished;
    private final BiPredicate<T, T> changed;
    private final Consumer<T> onChange;
    private final Function<T, RuntimeException> onTimeout;

    /**
     * @param time what the deadline is measured and the intervals are slept on
     * @param look one poll
     * @param finished whether a result ends the wait
     * @param changed whether a result differs from the previous one (previous, current)
     * @param onChange called with every changed result and the final one
     * @param onTimeout builds the timeout exception from the last result
     */
    public Poller(TimeSource time, Supplier<T> look, Predicate<T> finished, BiPredicate<T, T> changed,
            Consumer<T> onChange, Function<T, RuntimeException> onTimeout) {
        this.time = Objects.requireNonNull(time);
        this.look = Objects.requireNonNull(look);
        this.finished = finished;
        this.changed = changed;
        this.onChange = onChange;
        this.onTimeout = onTimeout;
    }

    /**
     * @param timeout limit, or {@code null} for none
     * @param policy intervals between looks
     * @return the first finished result
     */
    public T run(Duration timeout, PollPolicy policy) {
        long deadline = timeout == null ? Long.MAX_VALUE : time.nanoTime() + timeout.toNanos();
        T last = null;
        int failedPolls = 0;
        for (int polls = 0;; polls++) {
            T result;
            try {
                result = look.get();
                failedPolls = 0;
            } catch (IicsConnectionException | IicsApiException e) {
                if (!isTransient(e) || ++failedPolls >= MAX_FAILED_POLLS || time.nanoTime() >= deadline) {
                    throw e;
                }
                sleep(Math.min(policy.delay(polls).toMillis(), Math.max(1, (deadline - time.nanoTime()) / 1_000_000)));
                continue;
            }
            if (last == null || changed.test(last, result)) {
                onChange.accept(result);
            }
            last = result;
            if (finished.test(result)) {
                return result;
            }
            long left = deadline - time.nanoTime();
            if (left <= 0) {
                throw onTimeout.apply(result);
            }
            sleep(Math.min(policy.delay(polls).toMillis(), left / 1_000_000 + 1));
        }
    }

    /**
     * @param timeout a timeout
     * @return it as people write it, e.g. {@code 1m30s}
     */
    public static String format(Duration timeout) {
        return timeout.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static boolean isTransient(RuntimeException e) {
        if (e instanceof IicsApiException api) {
            int status = api.httpStatus();
            // 2xx here means a garbled answer; 429 and 5xx are the service's trouble, not the request's.
            return status == 429 || status >= 500 || status < 300;
        }
        return true;
    }

    private void sleep(long millis) {
        try {
            time.sleep(Duration.ofMillis(Math.max(1, millis)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IicsConnectionException("interrupted while waiting for a run; the run was left running", e);
        }
    }
}
