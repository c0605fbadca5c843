package dev.iicsctl.emulator.catalog;

import java.util.Locale;
import java.util.Optional;

/** Case-insensitive enum lookup for catalog and request words. */
final class Enums {
    private Enums() {}

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
