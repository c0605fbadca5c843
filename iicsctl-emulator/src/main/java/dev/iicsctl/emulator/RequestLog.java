package dev.iicsctl.emulator;

import dev.iicsctl.emulator.http.Request;
import dev.iicsctl.emulator.http.RequestObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the emulator was asked: counts per {@code "METHOD /route/template"} (such as
 * {@code "GET /saas/api/v2/activity/activityLog/{id}"}) and the most recent requests. Thread-safe.
 */
public final class RequestLog implements RequestObserver {
    /** How many recent requests are kept. */
    public static final int RECENT_LIMIT = 500;

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faultedRoutes = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final Deque<RecordedRequest> recent = new ArrayDeque<>();

    @Override
    public void observed(String routeKey, Request request, int status, String fault) {
        total.increment();
        counts.computeIfAbsent(routeKey, k -> new LongAdder()).increment();
        if (fault != null) {
            faults.computeIfAbsent(fault, k -> new LongAdder()).increment();
            faultedRoutes.computeIfAbsent(routeKey, k -> new LongAdder()).increment();
        }
        RecordedRequest r = new RecordedRequest(request.method(), request.path(), request.rawQuery(), routeKey, status,
                request.received(), fault);
        synchronized (recent) {
            recent.addLast(r);
            if (recent.size() > RECENT_LIMIT) {
                recent.removeFirst();
            }
        }
    }

    /** All API requests since start or the last reset. */
    public long total() {
        return total.sum();
    }

    /** Requests of one route, e.g. {@code count("POST /saas/api/v2/job")}. */
    public long count(String routeKey) {
        LongAdder n = counts.get(routeKey);
        return n == null ? 0 : n.sum();
    }

    /** Counts per route key, sorted by key. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /**
     * Requests hit by a fault rule, per {@linkplain dev.iicsctl.emulator.fault.FaultRule#label() rule label}
     * (such as {@code "status 503 Retry-After"} or {@code "drop-after"}), sorted by label.
     */
    public Map<String, Long> faults() {
        Map<String, Long> out = new TreeMap<>();
        faults.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Requests hit by a fault rule, per route key (as in {@link #counts()}), sorted by key. */
    public Map<String, Long> faultedRoutes() {
        Map<String, Long> out = new TreeMap<>();
        faultedRoutes.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** The most recent requests, oldest first (at most {@link #RECENT_LIMIT}). */
    public List<RecordedRequest> recent() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }

    /** Forgets everything. */
    public void clear() {
        synchronized (recent) {
            counts.clear();
            faults.clear();
            faultedRoutes.clear();
            total.reset();
            recent.clear();
        }
    }
}
