package dev.iicsctl.emulator;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One command-line option of the emulator, declared once in {@link EmulatorOptions} and read by both its front
 * ends: the jar's own parser ({@code java -jar iicsctl-emulator.jar}) and the picocli command
 * {@code iicsctl emulator}, which builds its options from these values.
 *
 * @param name        the long name, e.g. {@code --latency}
 * @param paramLabel  what the value is in help, e.g. {@code DURATION}; {@code null} for a flag
 * @param description one sentence of help, the same in both front ends
 * @param parse       reads the value as typed; throws IllegalArgumentException with a message about the value
 *                    (not naming the option: each front end names it its own way)
 * @param apply       sets the parsed value on a builder
 * @param <T>         the parsed type (Boolean for a flag)
 */
public record EmulatorOption<T>(String name, String paramLabel, String description, Function<String, T> parse,
                                BiConsumer<Emulator.Builder, T> apply) {
    public EmulatorOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parse, "parse");
        Objects.requireNonNull(apply, "apply");
    }

    /** A flag: no value, present means on. */
    static EmulatorOption<Boolean> flag(String name, String description, BiConsumer<Emulator.Builder, Boolean> apply) {
        return new EmulatorOption<>(name, null, description, text -> Boolean.TRUE, apply);
    }

    /** Whether it is a flag rather than an option with a value. */
    public boolean isFlag() {
        return paramLabel == null;
    }

    /**
     * Sets a value that {@link #parse()} returned on {@code builder}.
     *
     * @throws ClassCastException when {@code parsed} did not come from this option's {@link #parse()}
     */
    @SuppressWarnings("unchecked")
    public void applyParsed(Emulator.Builder builder, Object parsed) {
        apply.accept(builder, (T) parsed);
    }
}
