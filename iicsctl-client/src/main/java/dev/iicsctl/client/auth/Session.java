package dev.iicsctl.client.auth;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * An IICS session: the session id and the pod's server URL returned by the login. The same id is sent as
 * {@code icSessionId} to v2 resources and as {@code INFA-SESSION-ID} to v3 and taskflow resources.
 * {@link #toString()} never shows the id.
 *
 * @param id the session id (a secret)
 * @param serverUrl the pod's API base URL ending in {@code /saas}, e.g. {@code https://usw3.dm-us.informaticacloud.com/saas}
 * @param username the user the session belongs to
 * @param loginUrl the login URL used to obtain it
 * @param authVersion the login API that produced it
 * @param obtainedAt when the login answered
 * @param lastUsedAt when the session was last used successfully (IICS ends it after 30 minutes idle)
 */
public record Session(String id, URI serverUrl, String username, URI loginUrl, AuthVersion authVersion,
        Instant obtainedAt, Instant lastUsedAt) {

    /**
     * Validates the values.
     *
     * @param id the session id (a secret)
     * @param serverUrl the pod's API base URL ending in {@code /saas}, e.g. {@code https://usw3.dm-us.informaticacloud.com/saas}
     * @param username the user the session belongs to
     * @param loginUrl the login URL used to obtain it
     * @param authVersion the login API that produced it
     * @param obtainedAt when the login answered
     * @param lastUsedAt when the session was last used successfully (IICS ends it after 30 minutes idle)
     */
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(loginUrl, "loginUrl");
        Objects.requireNonNull(authVersion, "authVersion");
        Objects.requireNonNull(obtainedAt, "obtainedAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    /**
     * @param when the new last-use time
     * @return a copy with {@code lastUsedAt} set
     */
    public Session usedAt(Instant when) {
        return new Session(id, serverUrl, username, loginUrl, authVersion, obtainedAt, when);
    }

    /** @return the pod host root (the server URL without its trailing {@code /saas}), where taskflow resources live */
    public URI podRoot() {
        String s = serverUrl.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("/saas")) {
            s = s.substring(0, s.length() - "/saas".length());
        }
        return URI.create(s);
    }

    /** @return the session without its id */
    @Override
    public String toString() {
        return "Session[id=***, serverUrl=" + serverUrl + ", username=" + username + ", loginUrl=" + loginUrl
                + ", authVersion=" + authVersion + ", obtainedAt=" + obtainedAt + ", lastUsedAt=" + lastUsedAt + "]";
    }
}
