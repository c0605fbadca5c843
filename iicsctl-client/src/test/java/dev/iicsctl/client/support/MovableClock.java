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
 * without waiting 20 minutes).
 */
public final class MovableClock extends Clock {
    private final long startNanos = System.nanoTime();
    private final Instant start;
    private final AtomicLong jumpedNanos = new AtomicLong();

    /** @param start what the clock reads now */
    public MovableClock(Instant start) {
        this.start = start;
    }

    /** Moves the clock forward. */
    public void advance(Duration by) {
        jumpedNanos.addAndGet(by.toNanos());
    }

    @Override
    public Instant instant() {
        return start.plusNanos(System.nanoTime() - startNanos + jumpedNanos.get());
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
