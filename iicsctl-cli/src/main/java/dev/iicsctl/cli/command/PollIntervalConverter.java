package dev.iicsctl.cli.command;

import dev.iicsctl.cli.time.DurationFormat;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A poll or refresh interval ({@code --poll}, {@code --interval}): a duration of at least
 * {@link #MIN}. Zero would call IICS without pause (millions of calls in minutes) and count against the
 * org's rate limit; the floor is low enough for the emulator, which answers in milliseconds.
 */
public final class PollIntervalConverter implements ITypeConverter<Duration> {
    /** The shortest poll or refresh interval an option accepts (docs/cli.md). */
    public static final Duration MIN = Duration.ofMillis(100);

    @Override
    public Duration convert(String value) {
        Duration d = new DurationConverter().convert(value);
        if (d.compareTo(MIN) < 0) {
            throw new TypeConversionException(value + " is below the minimum of " + DurationFormat.brief(MIN)
                    + " (polling without pause floods IICS): use " + DurationFormat.brief(MIN)
                    + " or more, e.g. 5s");
        }
        return d;
    }
}
