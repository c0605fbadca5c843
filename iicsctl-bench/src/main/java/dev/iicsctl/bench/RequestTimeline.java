package dev.iicsctl.bench;

import dev.iicsctl.client.HttpTraceListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Records when the client sent each activity monitor and activity log request, from the client's redacted HTTP
 * trace, so calls can be grouped per poll interval (a monitor call opens an interval).
 */
final class RequestTimeline implements HttpTraceListener {

    /** What a request was. */
    enum Kind { MONITOR, LOG }

    /**
     * @param at when it was sent
     * @param kind what it was
     */
    record Sent(Instant at, Kind kind) {}

    private final List<Sent> sent = new ArrayList<>();
    private final Map<Kind, List<Long>> answerMillis = new EnumMap<>(Kind.class);

    @Override
    public void trace(String line) {
        if (line.startsWith("< ")) {
            answered(line);
            return;
        }
        if (!line.startsWith("> GET ")) {
            return;
        }
        Instant now = Instant.now();
        Kind kind = line.contains("/activity/activityMonitor") ? Kind.MONITOR
                : line.contains("/activity/activityLog") ? Kind.LOG : null;
        if (kind != null) {
            synchronized (sent) {
                sent.add(new Sent(now, kind));
            }
        }
    }

    /** An answer line reads {@code < 200 GET /path (12 ms, ...)}: its time, from the send to the whole body. */
    private void answered(String line) {
        Kind kind = line.contains("/activity/activityMonitor") ? Kind.MONITOR
                : line.contains("/activity/activityLog") ? Kind.LOG : null;
        int open = line.indexOf(" (");
        int ms = line.indexOf(" ms", open);
        if (kind == null || open < 0 || ms < 0) {
            return;
        }
        long took = Long.parseLong(line.substring(open + 2, ms));
        synchronized (sent) {
            answerMillis.computeIfAbsent(kind, k -> new ArrayList<>()).add(took);
        }
    }

    /**
     * @param kind monitor or log
     * @return how long each call of that kind took, from its send until its whole answer was read
     */
    List<Long> answerMillis(Kind kind) {
        synchronized (sent) {
            return List.copyOf(answerMillis.getOrDefault(kind, List.of()));
        }
    }

    /** @return the requests in the order sent */
    List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /**
     * One poll interval as the client made it.
     *
     * @param start when its monitor call was sent
     * @param previous when the previous interval's monitor call was sent ({@code null} for the first)
     * @param logCalls activity log calls made in it
     */
    record Tick(Instant start, Instant previous, int logCalls) {
        /** @return milliseconds since the previous tick, or -1 for the first */
        long intervalMillis() {
            return previous == null ? -1 : start.toEpochMilli() - previous.toEpochMilli();
        }
    }

    /** @return the ticks: each monitor call with the log calls sent after it and before the next one */
    List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        Instant start = null;
        Instant previous = null;
        int logs = 0;
        for (Sent s : sent()) {
            if (s.kind() == Kind.MONITOR) {
                if (start != null) {
                    ticks.add(new Tick(start, previous, logs));
                    previous = start;
                }
                start = s.at();
                logs = 0;
            } else {
                logs++;
            }
        }
        if (start != null) {
            ticks.add(new Tick(start, previous, logs));
        }
        return ticks;
    }
}
