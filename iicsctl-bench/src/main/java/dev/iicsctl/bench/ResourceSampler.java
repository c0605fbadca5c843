package dev.iicsctl.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/** Samples used heap and live threads of this JVM on a daemon thread (itself counted as one thread). */
final class ResourceSampler implements AutoCloseable {

    private static final long PERIOD_MILLIS = 20;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakHeapBytes;
    private volatile int peakThreads;

    ResourceSampler() {
        thread = new Thread(this::loop, "bench-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        peakHeapBytes = Math.max(peakHeapBytes, memory.getHeapMemoryUsage().getUsed());
        peakThreads = Math.max(peakThreads, threads.getThreadCount());
    }

    /** Starts a new measuring window. */
    void restart() {
        peakHeapBytes = 0;
        peakThreads = 0;
        sample();
    }

    /** @return the highest used heap sampled in this window, in MiB */
    double peakHeapMiB() {
        return peakHeapBytes / 1048576.0;
    }

    /** @return the most live threads sampled in this window */
    int peakThreads() {
        return peakThreads;
    }

    /** @return heap still in use after a full collection, in MiB (what the work really holds) */
    double liveHeapMiB() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    /** @return live threads counted by name, with trailing numbers dropped ({@code HttpClient-1-Worker-}) */
    static Map<String, Integer> threadNames() {
        Map<String, Integer> names = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            names.merge(t.getName().replaceAll("\\d+$", ""), 1, Integer::sum);
        }
        return names;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
