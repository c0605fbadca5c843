package dev.iicsctl.emulator.session;

import dev.iicsctl.emulator.catalog.CatalogUser;
import java.time.Instant;

/**
 * A logged-in session. The id is a secret: {@link #toString()} leaves it out.
 *
 * @param id        the session id (opaque, or a JWT)
 * @param user      who logged in
 * @param lastUsed  when it was last used (idle expiry counts from here)
 * @param expiresAt the fixed end of a JWT session, or {@code null} for an idle-timeout session
 */
public record EmulatedSession(String id, CatalogUser user, Instant lastUsed, Instant expiresAt) {
    EmulatedSession renewed(Instant now) {
        return new EmulatedSession(id, user, now, expiresAt);
    }

    /** @return whether the session ends at a fixed time (a JWT) rather than after idle time */
    public boolean fixedLifetime() {
        return expiresAt != null;
    }

    @Override
    public String toString() {
        return "EmulatedSession[user=" + user.username() + ", lastUsed=" + lastUsed
                + (expiresAt == null ? "" : ", expiresAt=" + expiresAt) + "]";
    }
}
