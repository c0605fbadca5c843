package dev.iicsctl.cli.output;

import java.time.Duration;
import java.util.List;

/** A one-line chart of durations ({@code ▁▂▃▅▇}), so that a slow-down shows at a glance. */
public final class Sparkline {
    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {}

    /** One bar per duration, scaled between the shortest and the longest; empty for no durations. */
    public static String of(List<Duration> durations) {
        if (durations.isEmpty()) {
            return "";
        }
        long min = durations.stream().mapToLong(Duration::toMillis).min().orElse(0);
        long max = durations.stream().mapToLong(Duration::toMillis).max().orElse(0);
        StringBuilder line = new StringBuilder(durations.size());
        for (Duration d : durations) {
            int index = max == min ? BARS.length / 2 - 1
                    : (int) Math.round((d.toMillis() - min) * (BARS.length - 1.0) / (max - min));
            line.append(BARS[index]);
        }
        return line.toString();
    }
}
