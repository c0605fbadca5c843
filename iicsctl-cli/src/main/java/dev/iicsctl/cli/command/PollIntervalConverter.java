package dev.iicsctl.cli.command;

import dev.iicsctl.cli.time.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A poll or refresh interval ({@code --poll}, {@code --interval}): a duration of at least
 * {@link Durations#MIN_POLL}. Zero would call IICS without pause (millions of calls in minutes) and count against the
 * org's rate limit; the floor is low enough for the emulator, which answers in milliseconds.
 */
public final class PollIntervalConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        Duration d = new DurationConverter().convert(value);
        if (d.compareTo(Durations.MIN_POLL) < 0) {
            throw new TypeConversionException(value + " is below the minimum of " + Durations.format(Durations.MIN_POLL)
                    + " (polling without pause floods IICS): use " + Durations.format(Durations.MIN_POLL)
                    + " or more, e.g. 5s");
        }
        return d;
    }
}
