package dev.iicsctl.emulator.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock for an emulator under test ({@code Emulator.builder().clock(...)}) that the test moves forward by hand,
 * so that a 20-minute run ends, or a session expires, without waiting for it. Run states, activity entries and
 * session expiry are computed from the emulator's clock when they are read, so a move takes effect at the next
 * request.
 *
 * <ul>
 *   <li>{@link #stopped(Instant)} reads its start until it is moved: every instant the emulator serves is chosen by
 *       the test, for exact checks of run lifecycles.</li>
 *   <li>{@link #running(Instant)} also goes on at the pace of the machine's monotonic clock, so that what the
 *       emulator measures in real time as well (the visibility delay after a start, a client's polls) works as
 *       usual, while long runs are skipped over by hand.</li>
 * </ul>
 *
 * <pre>{@code
 * MovableClock clock = MovableClock.running(Instant.now());
 * try (Emulator emu = Emulator.builder().catalogYaml(yaml).clock(clock).build().start()) {
 *     ... start "Nightly/Load" (a 2-hour run) through the code under test ...
 *     clock.advance(Duration.ofHours(2));   // the run has now ended
 *     ... check what the code under test reports ...
 * }
 * }</pre>
 *
 * <p>It only moves forward, reads UTC and is thread-safe: one thread may move it while the emulator's handlers
 * read it.
 */
public final class MovableClock extends Clock {
    private final Instant start;
    private final boolean paced;
    private final long startNanos = System.nanoTime();
    private final AtomicLong movedNanos = new AtomicLong();

    private MovableClock(Instant start, boolean paced) {
        this.start = Objects.requireNonNull(start, "start");
        this.paced = paced;
    }

    /**
     * A clock that stands still but for {@link #advance}.
     *
     * @param start what the clock reads until it is moved
     */
    public static MovableClock stopped(Instant start) {
        return new MovableClock(start, false);
    }

    /**
     * A clock that runs at the pace of the machine's monotonic clock and can be moved forward as well.
     *
     * @param start what the clock reads now
     */
    public static MovableClock running(Instant start) {
        return new MovableClock(start, true);
    }

    /**
     * Moves the clock forward.
     *
     * @throws IllegalArgumentException when {@code by} is negative: a clock that went back would end runs before
     *                                  they started
     */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a movable clock moves forward only, not by " + by);
        }
        movedNanos.addAndGet(by.toNanos());
    }

    /** Moves the clock forward by {@code millis} milliseconds, as {@link #advance(Duration)}. */
    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    /** How far the clock has gone since it was made: the moves, plus the time passed for a running clock. */
    public Duration elapsed() {
        return Duration.ofNanos((paced ? System.nanoTime() - startNanos : 0) + movedNanos.get());
    }

    @Override
    public Instant instant() {
        return start.plus(elapsed());
    }

    /** Always UTC: the emulator reads instants and converts them to the zones of the wire itself. */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * This clock for UTC.
     *
     * @throws UnsupportedOperationException for another zone: a copy in another zone would not move with this one
     */
    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.normalized().equals(zone.normalized())) {
            return this;
        }
        throw new UnsupportedOperationException("a movable clock reads UTC only, not " + zone);
    }

    @Override
    public String toString() {
        return "MovableClock[" + instant() + (paced ? ", running" : ", stopped") + "]";
    }
}
