package dev.iicsctl.cli.time;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations as the command line shows them. Reading a duration is the emulator's grammar
 * ({@link dev.iicsctl.emulator.time.Durations}), so that a duration means the same to {@code iicsctl emulator} as to
 * the emulator's jar.
 */
public final class DurationFormat {
    private DurationFormat() {}

    /** A short human form: {@code 850ms}, {@code 42s}, {@code 3m05s}, {@code 2h04m}. */
    public static String brief(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 1000) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
    }

    /** A clock form for elapsed time: {@code 0:07}, {@code 12:30}, {@code 1:02:03}. */
    public static String clock(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    }
}
