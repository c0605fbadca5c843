package dev.iicsctl.client.support;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.TestTime;
import dev.iicsctl.client.internal.time.TimeSource;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.time.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time for a client and an emulator together, that passes only when the client waits: a sleep of the client
 * moves the shared {@link MovableClock#stopped stopped clock} on by its length and returns at once, so a
 * 15-second wait ends in milliseconds and the emulator's runs progress exactly as far as the client waited.
 * Between sleeps time stands still, however long an HTTP call really takes, which makes what a poll sees
 * depend on the polls alone and not on the machine's load.
 *
 * <p>Use: {@code time.emulator(yaml)} (or {@code Emulator.builder().clock(time.clock())}) and
 * {@code time.drive(TestCatalog.client(url))}.
 *
 * <p>Meant for one waiting thread at a time (an {@code await}, or one watcher). Two threads that sleep at once
 * each move the clock by their own sleep, so time then runs faster than either wait; and a thread that waits
 * for something another thread does in real time (a cancel, a fault that holds an answer) must not be driven by
 * virtual time: it would reach its deadline at once. Interrupts behave as in {@link Thread#sleep}.
 */
public final class VirtualTime implements TimeSource {

    /** A virtual monotonic clock starts far from zero, as {@link System#nanoTime} may. */
    private static final long NANO_ORIGIN = 1L << 40;

    private final MovableClock clock;
    private final AtomicLong sleeps = new AtomicLong();

    /** @param start the wall time at the beginning */
    public VirtualTime(Instant start) {
        this.clock = MovableClock.stopped(start);
    }

    /** @return virtual time beginning at a fixed instant */
    public static VirtualTime startingNow() {
        return new VirtualTime(Instant.parse("2026-11-30T09:00:00Z"));
    }

    /** @return the clock to give the emulator ({@code Emulator.builder().clock(...)}) */
    public MovableClock clock() {
        return clock;
    }

    /**
     * @param catalogYaml the emulator's catalog
     * @return an emulator builder on this time
     */
    public Emulator.Builder emulator(String catalogYaml) {
        return Emulator.builder().catalogYaml(catalogYaml).clock(clock);
    }

    /**
     * @param client a client builder
     * @return it, with this time installed (the client's internal seam, not its public API)
     */
    public IicsClient.Builder drive(IicsClient.Builder client) {
        return TestTime.install(client, this);
    }

    /** Moves time on by hand, as if a wait had passed. */
    public void advance(Duration by) {
        clock.advance(by);
    }

    /** @return how many times the client has slept (or a watcher tick was scheduled) */
    public long sleeps() {
        return sleeps.get();
    }

    /** @return how much virtual time has passed */
    public Duration elapsed() {
        return clock.elapsed();
    }

    @Override
    public Clock wallClock() {
        return clock;
    }

    @Override
    public long nanoTime() {
        return NANO_ORIGIN + clock.elapsed().toNanos();
    }

    @Override
    public void sleep(Duration delay) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("sleep interrupted");
        }
        sleeps.incrementAndGet();
        if (delay.isNegative() || delay.isZero()) {
            return;
        }
        clock.advance(delay);
        // Other threads (an emulator handler finishing its answer, the test's own thread) get their turn.
        Thread.yield();
    }

    /** The tick runs at once on the scheduler, having moved time on by the delay (as a sleep would). */
    @Override
    public ScheduledFuture<?> schedule(ScheduledExecutorService scheduler, Runnable task, Duration delay) {
        return scheduler.schedule(() -> {
            try {
                sleep(delay);
            } catch (InterruptedException e) {
                // The watcher is closing: the tick is not run.
                Thread.currentThread().interrupt();
                return;
            }
            task.run();
        }, 0, TimeUnit.NANOSECONDS);
    }
}
