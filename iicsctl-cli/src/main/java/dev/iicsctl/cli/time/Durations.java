package dev.iicsctl.cli.time;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them on a command line ({@code 90s}, {@code 5m}, {@code 1h30m}, {@code PT5M}). */
public final class Durations {
    /** The forms accepted, for error messages. */
    /** The shortest poll or refresh interval an option accepts (docs/cli.md). */
    public static final Duration MIN_POLL = Duration.ofMillis(100);

    public static final String VALID_FORMS = "90s, 5m, 2h, 1h30m, 500ms or ISO-8601 such as PT5M";

    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");

    private Durations() {}

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException with a message that shows the valid forms
     */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("p")) {
            try {
                return nonNegative(text, Duration.parse(value.toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        Matcher m = SHORT.matcher(value);
        if (value.isEmpty() || !m.matches()) {
            throw invalid(text);
        }
        return Duration.ofHours(number(m.group(1)))
                .plusMinutes(number(m.group(2)))
                .plusSeconds(number(m.group(3)))
                .plusMillis(number(m.group(4)));
    }

    /** A short human form: {@code 850ms}, {@code 42s}, {@code 3m05s}, {@code 2h04m}. */
    public static String format(Duration d) {
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

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    private static Duration nonNegative(String text, Duration d) {
        if (d.isNegative()) {
            throw invalid(text);
        }
        return d;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration '" + text + "': use " + VALID_FORMS);
    }
}
