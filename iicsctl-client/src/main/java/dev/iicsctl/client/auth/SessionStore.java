package dev.iicsctl.client.auth;

import java.net.URI;
import java.util.Optional;

/**
 * Keeps sessions between client instances (the CLI plugs in a file store with 0600 files). The client
 * itself does no file I/O. Implementations must be thread-safe.
 *
 * <p>The client calls {@link #load} once before its first call, {@link #save} after every login and when it
 * is closed (with an updated {@code lastUsedAt}), and {@link #clear} after a logout or when a stored session
 * was refused.
 *
 * <p>A store only saves logins, so it never decides a call's outcome: {@link #save} and {@link #clear} should report
 * their own failures (a full disk, a missing folder) and return; if they throw anyway, the client notes it in the
 * trace and carries on with the session in memory. {@link #load} returns empty for anything it cannot read (a file
 * another process removed meanwhile is no session); it may throw only to refuse a store that is unsafe to use. A
 * loaded session is checked as a login answer is (a plain-http pod URL other than the loopback host is not used),
 * and when its pod refuses connections the client logs in afresh once.
 */
public interface SessionStore {

    /**
     * @param loginUrl the login URL
     * @param username the user
     * @return the stored session for that login URL and user, if any
     */
    Optional<Session> load(URI loginUrl, String username);

    /**
     * @param session the session to keep
     */
    void save(Session session);

    /**
     * @param loginUrl the login URL
     * @param username the user whose stored session is to be forgotten
     */
    void clear(URI loginUrl, String username);

    /** @return a store that keeps nothing (the default) */
    static SessionStore none() {
        return new SessionStore() {
            @Override
            public Optional<Session> load(URI loginUrl, String username) {
                return Optional.empty();
            }

            @Override
            public void save(Session session) {
                // keeps nothing on purpose
            }

            @Override
            public void clear(URI loginUrl, String username) {
                // nothing kept
            }
        };
    }
}
