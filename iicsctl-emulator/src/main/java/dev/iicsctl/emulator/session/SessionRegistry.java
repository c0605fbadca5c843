package dev.iicsctl.emulator.session;

import dev.iicsctl.emulator.catalog.CatalogUser;
import dev.iicsctl.emulator.id.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live sessions. A session is valid for v2 and v3 alike. An opaque session expires after {@code timeout}
 * without use, and every authenticated call renews it (sliding expiry, as IICS does). A JWT session expires
 * {@code jwtLifetime} after login whatever its use, as in an org whose authentication type is JWT.
 */
public final class SessionRegistry {
    private final Map<String, EmulatedSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration timeout;
    private final SessionType type;
    private final Duration jwtLifetime;
    private final IdGenerator ids;

    public SessionRegistry(Clock clock, Duration timeout, IdGenerator ids) {
        this(clock, timeout, SessionType.OPAQUE, Duration.ofMinutes(30), ids);
    }

    public SessionRegistry(Clock clock, Duration timeout, SessionType type, Duration jwtLifetime, IdGenerator ids) {
        this.clock = clock;
        this.timeout = timeout;
        this.type = type;
        this.jwtLifetime = jwtLifetime;
        this.ids = ids;
    }

    /** Opens a session for {@code user}. */
    public EmulatedSession open(CatalogUser user) {
        Instant now = clock.instant();
        EmulatedSession s;
        if (type == SessionType.JWT) {
            // exp is in whole seconds: the session ends exactly when its claim says.
            Instant expires = now.plus(jwtLifetime).truncatedTo(ChronoUnit.SECONDS);
            s = new EmulatedSession(JwtIds.issue(user, now, expires, ids), user, now, expires);
        } else {
            s = new EmulatedSession(ids.base62(22), user, now, null);
        }
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, renewed; empty when unknown or expired. */
    public Optional<EmulatedSession> use(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        EmulatedSession renewed = sessions.computeIfPresent(id, (k, s) -> expired(s, now) ? null : s.renewed(now));
        return Optional.ofNullable(renewed);
    }

    /** The live session with this id, not renewed. */
    public Optional<EmulatedSession> peek(String id) {
        EmulatedSession s = id == null ? null : sessions.get(id);
        return s == null || expired(s, clock.instant()) ? Optional.empty() : Optional.of(s);
    }

    /** The time left before {@code s} expires (when left unused, for an idle-timeout session). */
    public Duration timeLeft(EmulatedSession s) {
        Duration left = Duration.between(clock.instant(), end(s));
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

    /**
     * Ends every session of one org ({@code logoutall}).
     *
     * @return how many were ended
     */
    public int closeOrg(String org) {
        int[] n = {0};
        sessions.values().removeIf(s -> {
            boolean match = s.user().org().equals(org);
            n[0] += match ? 1 : 0;
            return match;
        });
        return n[0];
    }

    private Instant end(EmulatedSession s) {
        return s.fixedLifetime() ? s.expiresAt() : s.lastUsed().plus(timeout);
    }

    private boolean expired(EmulatedSession s, Instant now) {
        return !now.isBefore(end(s));
    }
}
