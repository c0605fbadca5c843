package dev.iicsctl.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one run of {@link WatcherBench} measured (one JSON line in the results file).
 *
 * @param strategy {@code adaptive} or the fixed interval, as given
 * @param runs runs started and followed
 * @param startSeconds time to start them all
 * @param wallSeconds time from the first start until the last run was reported
 * @param calls API calls the emulator counted
 * @param ticks poll intervals the client made (monitor calls it sent)
 * @param meanIntervalMillis mean time between two monitor calls
 * @param meanCallsPerTick mean of monitor + log calls per interval
 * @param maxCallsPerTick most monitor + log calls in one interval
 * @param lagMillis detection lag: reported time minus real end
 * @param intervalInForceMillis the interval that ended with the detecting poll, per run
 * @param lagOverInterval lag divided by the interval in force, per run
 * @param waitMillis the lag's first part: from the real end to the start of the poll that reported the run
 * @param reportMillis the lag's second part: from that poll's start until the run was reported
 * @param missedPolls runs reported by a later poll than the first one that began after their end
 * @param monitorCallMillis how long each activity monitor call took, send to whole answer
 * @param logCallMillis how long each activity log call took
 * @param resources heap and threads
 */
record WatcherResult(String strategy, int runs, double startSeconds, double wallSeconds, Calls calls, int ticks,
                     double meanIntervalMillis, double meanCallsPerTick, int maxCallsPerTick, Percentiles lagMillis,
                     Percentiles intervalInForceMillis, Percentiles lagOverInterval, Percentiles waitMillis,
                     Percentiles reportMillis, int missedPolls, Percentiles monitorCallMillis,
                     Percentiles logCallMillis, Resources resources) {

    /**
     * @param monitor activity monitor calls
     * @param log activity log calls
     * @param start job start calls
     * @param other every other counted call (login, task list)
     */
    record Calls(long monitor, long log, long start, long other) {
        static Calls of(Map<String, Long> counts) {
            long monitor = counts.getOrDefault("GET /saas/api/v2/activity/activityMonitor", 0L);
            long log = counts.getOrDefault("GET /saas/api/v2/activity/activityLog", 0L)
                    + counts.getOrDefault("GET /saas/api/v2/activity/activityLog/{id}", 0L);
            long start = counts.getOrDefault("POST /saas/api/v2/job", 0L);
            long all = counts.values().stream().mapToLong(Long::longValue).sum();
            return new Calls(monitor, log, start, all - monitor - log - start);
        }
    }

    /**
     * @param peakHeapMiB highest used heap sampled (start and watch phases)
     * @param liveHeapMiB heap in use after a full collection, with every run started and being watched
     * @param maxHeapMiB the heap limit of the JVM
     * @param startPeakThreads most live threads while starting (includes the starter pool)
     * @param watchPeakThreads most live threads while only watching
     * @param watchThreadNames live threads once every run was started, by name without its number
     */
    record Resources(double peakHeapMiB, double liveHeapMiB, double maxHeapMiB, int startPeakThreads,
                     int watchPeakThreads, Map<String, Integer> watchThreadNames) {}

    static WatcherResult of(String strategy, int runs, Duration starting, Duration wall, Map<String, Instant> reported,
                            Map<String, Instant> realEnds, Map<String, Long> counts, RequestTimeline timeline,
                            Resources resources) {
        List<RequestTimeline.Tick> ticks = timeline.ticks();
        List<Long> lags = new ArrayList<>();
        List<Long> intervals = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Long> waits = new ArrayList<>();
        List<Long> reports = new ArrayList<>();
        int missed = 0;
        for (Map.Entry<String, Instant> e : reported.entrySet()) {
            Instant end = realEnds.get(e.getKey());
            if (end == null) {
                throw new IllegalStateException("the watcher reported " + e.getKey() + " finished, but the emulator "
                        + "has no end for it");
            }
            long lag = Duration.between(end, e.getValue()).toMillis();
            lags.add(lag);
            RequestTimeline.Tick detecting = detectingTick(ticks, e.getValue());
            waits.add(Duration.between(end, detecting.start()).toMillis());
            reports.add(Duration.between(detecting.start(), e.getValue()).toMillis());
            if (detecting.previous() != null && detecting.previous().isAfter(end)) {
                missed++;
            }
            long interval = detecting.intervalMillis();
            if (interval > 0) {
                intervals.add(interval);
                ratios.add(lag / (double) interval);
            }
        }
        double meanInterval = ticks.stream().filter(t -> t.previous() != null)
                .mapToLong(RequestTimeline.Tick::intervalMillis).average().orElse(Double.NaN);
        double meanCalls = ticks.stream().mapToInt(t -> 1 + t.logCalls()).average().orElse(Double.NaN);
        int maxCalls = ticks.stream().mapToInt(t -> 1 + t.logCalls()).max().orElse(0);
        return new WatcherResult(strategy, runs, seconds(starting), seconds(wall), Calls.of(counts), ticks.size(),
                meanInterval, meanCalls, maxCalls, Percentiles.of(lags), Percentiles.of(intervals),
                Percentiles.of(ratios), Percentiles.of(waits), Percentiles.of(reports), missed,
                Percentiles.of(timeline.answerMillis(RequestTimeline.Kind.MONITOR)),
                Percentiles.of(timeline.answerMillis(RequestTimeline.Kind.LOG)), resources);
    }

    /** The last poll that began before the run was reported: the one that found it finished. */
    private static RequestTimeline.Tick detectingTick(List<RequestTimeline.Tick> ticks, Instant reportedAt) {
        RequestTimeline.Tick found = ticks.get(0);
        for (RequestTimeline.Tick t : ticks) {
            if (t.start().isAfter(reportedAt)) {
                break;
            }
            found = t;
        }
        return found;
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    /** @return a few human-readable lines */
    String summary() {
        return String.format(Locale.ROOT, """
                strategy %s: %d runs started in %.1f s, all reported after %.1f s
                  calls: %d activity monitor, %d activity log, %d job start, %d other; %d intervals (mean %.0f ms), \
                calls per interval mean %.1f max %d
                  detection lag ms: p50 %.0f  p95 %.0f  max %.0f; interval in force p50 %.0f ms; lag/interval p50 %.2f
                  lag = wait for the poll (p50 %.0f ms) + the poll until reported (p50 %.0f  p95 %.0f ms); \
                %d runs missed by the first poll after their end; calls ms p50: monitor %.0f, log %.0f
                  heap: peak used %.0f MiB, live %.0f MiB (max %.0f MiB); threads: %d while starting, %d while watching""",
                strategy, runs, startSeconds, wallSeconds, calls.monitor(), calls.log(), calls.start(), calls.other(),
                ticks, meanIntervalMillis, meanCallsPerTick, maxCallsPerTick, lagMillis.p50(), lagMillis.p95(),
                lagMillis.max(), intervalInForceMillis.p50(), lagOverInterval.p50(), waitMillis.p50(), reportMillis.p50(),
                reportMillis.p95(), missedPolls, monitorCallMillis.p50(), logCallMillis.p50(), resources.peakHeapMiB(),
                resources.liveHeapMiB(), resources.maxHeapMiB(), resources.startPeakThreads(),
                resources.watchPeakThreads());
    }
}
