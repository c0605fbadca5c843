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
    /**
     * Never starts (no Secure Agent could take it): activity log {@code state} 4, which real orgs show and whose
     * vendor meaning is not documented; clients must not read it as a success. Tasks only.
     */
    NOT_STARTED,
    /** A taskflow that stops at a faulted step and waits for resume or terminate. */
    SUSPENDED;

    /** The lower-case word used in catalogs, e.g. {@code not-started}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<Outcome> parse(String text) {
        return Enums.parse(Outcome.class, text);
    }
}
