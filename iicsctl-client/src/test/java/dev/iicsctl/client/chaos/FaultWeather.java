package dev.iicsctl.client.chaos;

import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Changes the emulator's fault rules over time: every phase, the rules of two fault
 * kinds hit every API request (both hosts) with the given probability each, so about a fifth of all requests
 * are faulted at any moment and every kind hits every route in turn. Rotating keeps the combined fault rate
 * bounded: the ten kinds at once would fault more than half of all requests.
 */
final class FaultWeather implements AutoCloseable {

    /** Every path of both hosts. */
    private static final String ALL = "/*";

    /** One kind of fault, as a rule for every path that always applies: the weather sets its probability. */
    record Kind(String name, FaultRule rule) {
    }

    /**
     * The fault actions of product.md 4.3, with the variants the suite must cover (a 500 among them).
     *
     * @param lateBy a delay longer than the client's read timeout
     * @return the kinds
     */
    static List<Kind> kinds(Duration lateBy) {
        return List.of(
                new Kind("503", FaultRule.status(null, ALL, 503)),
                new Kind("500", FaultRule.status(null, ALL, 500)),
                new Kind("503 + Retry-After", FaultRule.status(null, ALL, 503).retryAfterSeconds(1)),
                new Kind("429", FaultRule.status(null, ALL, 429)),
                new Kind("429 + Retry-After", FaultRule.status(null, ALL, 429).retryAfterSeconds(1)),
                new Kind("502 HTML page", FaultRule.status(null, ALL, 502, "text/html",
                        "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")),
                new Kind("delay past read timeout", FaultRule.delay(null, ALL, Duration.ofMillis(lateBy.toMillis()))),
                new Kind("drop-before", FaultRule.dropBefore(null, ALL)),
                new Kind("drop-after", FaultRule.dropAfter(null, ALL)),
                new Kind("malformed", FaultRule.malformed(null, ALL)));
    }

    private final Emulator emulator;
    private final List<Kind> order;
    private final double probability;
    private final Duration phase;
    private final Thread thread;
    private final AtomicInteger phases = new AtomicInteger();
    private volatile boolean running = true;

    FaultWeather(Emulator emulator, List<Kind> kinds, double probability, Duration phase, long seed) {
        this.emulator = emulator;
        this.order = new ArrayList<>(kinds);
        Collections.shuffle(order, new Random(seed));
        this.probability = probability;
        this.phase = phase;
        this.thread = new Thread(this::loop, "chaos-fault-weather");
        this.thread.setDaemon(true);
    }

    FaultWeather start() {
        apply(0);
        thread.start();
        return this;
    }

    /** @return how many phases have been applied */
    int phases() {
        return phases.get();
    }

    private void loop() {
        for (int k = 1; running; k++) {
            try {
                Thread.sleep(phase.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                apply(k);
            }
        }
    }

    private void apply(int k) {
        emulator.clearFaults();
        for (int j = 0; j < 2; j++) {
            Kind kind = order.get((2 * k + j) % order.size());
            emulator.addFault(kind.rule().probability(probability));
        }
        phases.incrementAndGet();
    }

    /** Stops changing the weather and removes every rule. */
    @Override
    public void close() throws InterruptedException {
        // No interrupt: the thread ends after its current pause.
        running = false;
        thread.join(5_000);
        emulator.clearFaults();
    }
}
