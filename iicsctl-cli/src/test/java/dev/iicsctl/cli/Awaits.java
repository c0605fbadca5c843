package dev.iicsctl.cli;

import dev.iicsctl.emulator.Emulator;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits, with a deadline, for what the emulator or a command reaches on its own: a route called, a port listening,
 * a line printed. Runs have their own wait ({@link Emulator#awaitRun}); these are the conditions it does not cover.
 */
public final class Awaits {
    private Awaits() {}

    /**
     * Returns once {@code condition} holds.
     *
     * @throws AssertionError naming {@code what} when it does not hold within {@code timeout}
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(20); // the conditions are read, not signalled: there is no event to wait on
        }
    }

    /** Returns once the emulator has received a request on {@code route} (e.g. {@code POST /saas/api/v2/job}). */
    public static void request(Emulator emulator, String route) throws InterruptedException {
        until("a request " + route, TestCatalog.WAIT, () -> emulator.requests().count(route) > 0);
    }
}
