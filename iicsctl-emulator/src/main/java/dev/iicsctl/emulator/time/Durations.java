package dev.iicsctl.emulator.time;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of iicsctl: the emulator's options, catalog and fault rules and every duration of the
 * command line ({@code iicsctl} depends on the emulator, so both read durations here and the same text means the
 * same thing everywhere). Units in falling order, each at most once: {@code 2d}, {@code 1h30m}, {@code 90s},
 * {@code 500ms}, {@code 1m30s250ms}; a bare {@code 0}; or ISO-8601 such as {@code PT5M}. Never negative.
 */
public final class Durations {
    /** The forms accepted, for error messages. */
    public static final String VALID_FORMS = "90s, 5m, 2h, 1h30m, 500ms or ISO-8601 such as PT5M";

    private static final Pattern UNITS = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");

    private Durations() {}

    /**
     * Parses {@code text} as a duration.
     *
     * @throws IllegalArgumentException with a one-line message naming the text as typed and the accepted forms
     */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        try {
            Duration d = value.startsWith("p") ? Duration.parse(value.toUpperCase(Locale.ROOT)) : units(value, text);
            if (d.isNegative()) {
                throw invalid(text);
            }
            return d;
        } catch (DateTimeParseException | ArithmeticException e) {
            // ISO text that is not a duration, or a number too large for a Duration
            throw invalid(text);
        }
    }

    private static Duration units(String value, String text) {
        Matcher m = UNITS.matcher(value);
        if (value.isEmpty() || !m.matches()) {
            throw invalid(text);
        }
        return Duration.ofDays(number(m.group(1), text))
                .plusHours(number(m.group(2), text))
                .plusMinutes(number(m.group(3), text))
                .plusSeconds(number(m.group(4), text))
                .plusMillis(number(m.group(5), text));
    }

    private static long number(String digits, String text) {
        if (digits == null) {
            return 0;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration '" + text + "': use " + VALID_FORMS);
    }
}
