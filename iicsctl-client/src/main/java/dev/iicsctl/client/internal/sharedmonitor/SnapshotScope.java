package dev.iicsctl.client.internal.sharedmonitor;

import dev.iicsctl.client.auth.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Whose monitor a snapshot shows: a hash of the pod host and the user (an IICS user name belongs to exactly one
 * org, so together they name the org and what this user may see of it). Only the hash is ever written, in the
 * file name and in the file, so that neither names a user, a host or anything secret.
 *
 * @param key 32 hex digits
 */
public record SnapshotScope(String key) {

    /**
     * @param session the session in use
     * @return its scope
     */
    public static SnapshotScope of(Session session) {
        String pod = session.podRoot().getHost() + ":" + session.podRoot().getPort();
        return of(pod.toLowerCase(Locale.ROOT), session.username().toLowerCase(Locale.ROOT));
    }

    static SnapshotScope of(String podHost, String user) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((podHost + "\n" + user).getBytes(StandardCharsets.UTF_8));
            return new SnapshotScope(HexFormat.of().formatHex(hash, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
