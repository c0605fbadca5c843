package dev.iicsctl.cli.command;

import dev.iicsctl.cli.time.PositiveDuration;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations that must be more than zero: {@code --timeout}, {@code --read-timeout}, {@code --interval}. */
public final class PositiveDurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return PositiveDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
