package dev.iicsctl.client.support;

import dev.iicsctl.client.auth.Session;
import dev.iicsctl.client.auth.SessionStore;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A session store in memory, counting its calls. */
public final class MemorySessionStore implements SessionStore {

    public final Map<String, Session> sessions = new ConcurrentHashMap<>();
    public final AtomicInteger saves = new AtomicInteger();
    public final AtomicInteger clears = new AtomicInteger();

    private static String key(URI loginUrl, String username) {
        return loginUrl + "|" + username;
    }

    @Override
    public Optional<Session> load(URI loginUrl, String username) {
        return Optional.ofNullable(sessions.get(key(loginUrl, username)));
    }

    @Override
    public void save(Session session) {
        saves.incrementAndGet();
        sessions.put(key(session.loginUrl(), session.username()), session);
    }

    @Override
    public void clear(URI loginUrl, String username) {
        clears.incrementAndGet();
        sessions.remove(key(loginUrl, username));
    }
}
