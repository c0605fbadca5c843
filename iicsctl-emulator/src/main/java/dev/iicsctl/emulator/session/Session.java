package dev.iicsctl.emulator.session;

import dev.iicsctl.emulator.catalog.CatalogUser;
import java.time.Instant;

/**
 * A logged-in session. The id is a secret: {@link #toString()} leaves it out.
 *
 * @param id       the session id
 * @param user     who logged in
 * @param lastUsed when it was last used (idle expiry counts from here)
 */
public record Session(String id, CatalogUser user, Instant lastUsed) {
    Session renewed(Instant now) {
        return new Session(id, user, now);
    }

    @Override
    public String toString() {
        return "Session[user=" + user.username() + ", lastUsed=" + lastUsed + "]";
    }
}
