package dev.iicsctl.emulator.catalog;

import java.util.Locale;
import java.util.Optional;

/** How a scripted run ends. {@link #SUSPENDED} applies to taskflows only, {@link #WARNING} to tasks only. */
public enum Outcome {
    /** Ends well: activity log {@code state} 1, taskflow {@code SUCCESS}. */
    SUCCESS,
    /** Ends with row errors: activity log {@code state} 2. */
    WARNING,
    /** Ends in error: activity log {@code state} 3, taskflow {@code FAILED}. */
    FAILED,
    /** A taskflow that stops at a faulted step and waits for resume or terminate. */
    SUSPENDED;

    /** The lower-case word used in catalogs. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Outcome> parse(String text) {
        return Enums.parse(Outcome.class, text);
    }
}
