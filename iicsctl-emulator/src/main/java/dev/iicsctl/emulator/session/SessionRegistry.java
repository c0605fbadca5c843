package dev.iicsctl.emulator.session;

import dev.iicsctl.emulator.catalog.CatalogUser;
import dev.iicsctl.emulator.id.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live sessions. A session is valid for v2 and v3 alike and expires after {@code timeout} without use;
 * every authenticated call renews it (sliding expiry, as IICS does).
 */
public final class SessionRegistry {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration timeout;
    private final IdGenerator ids;

    public SessionRegistry(Clock clock, Duration timeout, IdGenerator ids) {
        this.clock = clock;
        this.timeout = timeout;
        this.ids = ids;
    }

    /** Opens a session for {@code user}. */
    public Session open(CatalogUser user) {
        Session s = new Session(ids.base62(22), user, clock.instant());
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, renewed; empty when unknown or expired. */
    public Optional<Session> use(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session renewed = sessions.computeIfPresent(id, (k, s) -> expired(s, now) ? null : s.renewed(now));
        return Optional.ofNullable(renewed);
    }

    /** The live session with this id, not renewed. */
    public Optional<Session> peek(String id) {
        Session s = id == null ? null : sessions.get(id);
        return s == null || expired(s, clock.instant()) ? Optional.empty() : Optional.of(s);
    }

    /** The time left before {@code s} expires when left unused. */
    public Duration timeLeft(Session s) {
        Duration left = Duration.between(clock.instant(), s.lastUsed().plus(timeout));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Ends one session; false when it was not live. */
    public boolean close(String id) {
        return id != null && sessions.remove(id) != null;
    }

    /** Ends every session. */
    public void closeAll() {
        sessions.clear();
    }

    private boolean expired(Session s, Instant now) {
        return !now.isBefore(s.lastUsed().plus(timeout));
    }
}
