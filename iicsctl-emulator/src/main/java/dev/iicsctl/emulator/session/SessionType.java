package dev.iicsctl.emulator.session;

import java.util.Locale;
import java.util.Optional;

/**
 * The org's authentication type. Since November 2025 an IICS org admin picks one: classic session ids that
 * expire after 30 minutes without use, or JWTs with a fixed lifetime from login that use does not extend.
 */
public enum SessionType {
    /** Opaque 22-character session ids with a sliding idle timeout (the default). */
    OPAQUE,
    /** JWT session ids ({@code header.payload.signature}) that expire a fixed time after login. */
    JWT;

    /** @return the name as options spell it: {@code opaque} or {@code jwt} */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the type named {@code word} (any case), or empty */
    public static Optional<SessionType> parse(String word) {
        for (SessionType t : values()) {
            if (t.word().equalsIgnoreCase(word == null ? "" : word.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
