package dev.iicsctl.client.internal.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The client's one source of time: the wall clock, a monotonic clock for deadlines and elapsed waits, and sleeping.
 * Every wait of the client (polls, backoff, reconcile, the watcher's ticks, lost-run checks) goes through it, so
 * that tests can install a virtual one in which a sleep moves time on and returns at once, driven together with
 * the emulator's clock (docs/reliability.md, "How tests drive time").
 *
 * <p>What stays on real time on purpose: the HTTP client's connect timeout, the whole-answer deadline of one
 * request ({@code HttpTransport}) and the durations and timestamps in the trace and the HAR file. They measure
 * the network, which runs on real time whatever the test's clock says: a virtual deadline would either never pass
 * while a socket hangs or pass before a loopback answer arrives.
 */
public interface TimeSource {

    /** @return the machine's clocks and {@link Thread#sleep} */
    static TimeSource system() {
        return SystemTime.INSTANCE;
    }

    /** @return the wall clock (session ends, server-time estimates, {@code Retry-After} dates) */
    Clock wallClock();

    /** @return a monotonic time in nanoseconds, for deadlines and elapsed waits; only differences mean anything */
    long nanoTime();

    /**
     * Waits; returns at once for a zero or negative delay.
     *
     * @param delay how long
     * @throws InterruptedException when the thread is interrupted (then or during the wait)
     */
    void sleep(Duration delay) throws InterruptedException;

    /** @return {@link #wallClock()}'s instant now */
    default Instant now() {
        return wallClock().instant();
    }

    /**
     * Runs a task on a scheduler after a delay of this time source.
     *
     * @param scheduler the scheduler thread
     * @param task the task
     * @param delay how long from now
     * @return the scheduled task
     */
    default ScheduledFuture<?> schedule(ScheduledExecutorService scheduler, Runnable task, Duration delay) {
        return scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The machine's time. */
    enum SystemTime implements TimeSource {
        INSTANCE;

        @Override
        public Clock wallClock() {
            return Clock.systemUTC();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration delay) throws InterruptedException {
            if (delay.isNegative() || delay.isZero()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                return;
            }
            TimeUnit.NANOSECONDS.sleep(delay.toNanos());
        }
    }
}
