package dev.iicsctl.cli.session;

import java.time.Instant;

/**
 * A session as kept in the cache file.
 *
 * @param loginUrl the login host the session came from
 * @param username the user
 * @param sessionId the session id (a secret: it only ever goes to the 0600 file)
 * @param serverUrl the pod's API base URL returned by the login
 * @param auth the login API that produced it ({@code v2} or {@code v3})
 * @param lastUsed when it was last used (IICS ends a session after 30 minutes idle)
 */
public record StoredSession(
        String loginUrl, String username, String sessionId, String serverUrl, String auth, Instant lastUsed) {

    @Override
    public String toString() {
        return "StoredSession[" + username + " at " + loginUrl + ", last used " + lastUsed + "]";
    }
}
