package dev.iicsctl.cli.output;

import java.time.Instant;

/**
 * What {@code login} and {@code whoami} report about the cached session; never the session id.
 *
 * @param loginUrl the login host
 * @param username the user
 * @param serverUrl the pod's API base URL
 * @param lastUsed when the session was last used, may be null
 * @param cached whether the session is kept in the session cache
 */
public record SessionInfo(String loginUrl, String username, String serverUrl, Instant lastUsed, boolean cached) {}
