package dev.iicsctl.client.chaos;

import dev.iicsctl.client.support.ControlApi;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** Ends every emulator session at random moments ({@code POST /_emulator/sessions/expire}) from its own thread. */
final class SessionReaper implements AutoCloseable {

    private final ControlApi control;
    private final Random random;
    private final int minMillis;
    private final int maxMillis;
    private final AtomicInteger expiries = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    SessionReaper(ControlApi control, long seed, int minMillis, int maxMillis) {
        this.control = control;
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
                control.expireSessions();
                expiries.incrementAndGet();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        // No interrupt: it could land inside a control API call; the thread ends after its current pause.
        running = false;
        thread.join(5_000);
    }
}
