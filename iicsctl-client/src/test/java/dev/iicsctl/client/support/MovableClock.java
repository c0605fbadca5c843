package dev.iicsctl.client.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock for the emulator that starts at a chosen instant, runs at the pace of the machine's clock (so that
 * visibility delays and polls work as usual), and can be moved forward by hand (so that a 20-minute run ends
 * without waiting 20 minutes). A {@link #stopped} one moves only by hand: the clock of {@link VirtualTime}.
 */
public final class MovableClock extends Clock {
    private final long startNanos = System.nanoTime();
    private final boolean paced;
    private final Instant start;
    private final AtomicLong jumpedNanos = new AtomicLong();

    /** @param start what the clock reads now */
    public MovableClock(Instant start) {
        this(start, true);
    }

    private MovableClock(Instant start, boolean paced) {
        this.start = start;
        this.paced = paced;
    }

    /**
     * @param start what the clock reads now, and goes on reading until it is moved
     * @return a clock that stands still but for {@link #advance}
     */
    public static MovableClock stopped(Instant start) {
        return new MovableClock(start, false);
    }

    /** Moves the clock forward. */
    public void advance(Duration by) {
        jumpedNanos.addAndGet(by.toNanos());
    }

    /** @return how far the clock has gone since it was made */
    public long elapsedNanos() {
        return (paced ? System.nanoTime() - startNanos : 0) + jumpedNanos.get();
    }

    @Override
    public Instant instant() {
        return start.plusNanos(elapsedNanos());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the emulator reads UTC instants only");
    }
}
