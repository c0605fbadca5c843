package dev.iicsctl.cli.time;

import dev.iicsctl.emulator.time.Durations;
import java.time.Duration;

/** A duration that must be more than zero (a timeout, an interval), refused with the text as the user typed it. */
public final class PositiveDuration {
    private PositiveDuration() {}

    /**
     * Parses a duration and refuses zero.
     *
     * @throws IllegalArgumentException naming the text as typed and the valid forms
     */
    public static Duration parse(String text) {
        Duration duration = Durations.parse(text);
        if (duration.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is zero: give a positive duration such as 90s or 5m");
        }
        return duration;
    }
}
