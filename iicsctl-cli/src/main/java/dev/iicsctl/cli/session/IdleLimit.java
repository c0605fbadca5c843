package dev.iicsctl.cli.session;

import dev.iicsctl.client.auth.Session;
import java.time.Duration;
import java.time.Instant;

/** IICS ends a session after 30 minutes without a call: a cached session idle for longer has probably ended. */
public final class IdleLimit {
    /** How long IICS keeps an unused session. */
    public static final Duration LIMIT = Duration.ofMinutes(30);

    private IdleLimit() {}

    /** Whether the session was used within the last 30 minutes. */
    public static boolean probablyAlive(Session session) {
        return Duration.between(session.lastUsedAt(), Instant.now()).compareTo(LIMIT) <= 0;
    }
}
