package dev.iicsctl.client.chaos;

import dev.iicsctl.emulator.Emulator;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** Ends every emulator session at random moments ({@link Emulator#expireSessions()}) from its own thread. */
final class SessionReaper implements AutoCloseable {

    private final Emulator emulator;
    private final Random random;
    private final int minMillis;
    private final int maxMillis;
    private final AtomicInteger expiries = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    SessionReaper(Emulator emulator, long seed, int minMillis, int maxMillis) {
        this.emulator = emulator;
        this.random = new Random(seed);
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
        this.thread = new Thread(this::loop, "chaos-session-reaper");
        this.thread.setDaemon(true);
    }

    SessionReaper start() {
        thread.start();
        return this;
    }

    /** @return how many times every session was ended */
    int expiries() {
        return expiries.get();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(minMillis + random.nextInt(maxMillis - minMillis + 1));
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                emulator.expireSessions();
                expiries.incrementAndGet();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        // No interrupt: the thread ends after its current pause.
        running = false;
        thread.join(5_000);
    }
}
