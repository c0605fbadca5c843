package dev.iicsctl.client.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.client.internal.http.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The lifetime of a JWT session id. In an org whose authentication type is JWT the login answers a JWT in the
 * usual session field; it ends at its {@code exp} claim whatever its use, and renewal means a new login. The
 * claims are read without checking the signature: they only tell when to log in again, nothing is trusted.
 *
 * @param expiresAt the {@code exp} claim
 * @param lifetime  {@code exp - iat}, or {@code null} when the token has no {@code iat}
 */
public record JwtLifetime(Instant expiresAt, Duration lifetime) {
    /** The most a renewal happens before the end: long polls and slow answers fit in it. */
    private static final Duration MAX_MARGIN = Duration.ofMinutes(2);
    private static final Duration MIN_MARGIN = Duration.ofSeconds(1);

    /**
     * @param sessionId a session id as the login answered it
     * @return its lifetime when it is a JWT with an {@code exp} claim; empty for an opaque session id
     */
    public static Optional<JwtLifetime> of(String sessionId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        String[] parts = sessionId.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        JsonNode claims;
        try {
            claims = WireJson.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (Exception e) {
            return Optional.empty();
        }
        JsonNode exp = claims == null ? null : claims.get("exp");
        if (exp == null || !exp.canConvertToLong()) {
            return Optional.empty();
        }
        Instant expires = Instant.ofEpochSecond(exp.asLong());
        JsonNode iat = claims.get("iat");
        Duration lifetime = iat != null && iat.canConvertToLong()
                ? Duration.between(Instant.ofEpochSecond(iat.asLong()), expires) : null;
        return Optional.of(new JwtLifetime(expires, lifetime == null || lifetime.isNegative() ? null : lifetime));
    }

    /**
     * @return when to log in again: a tenth of the lifetime before its end, between 1 s and 2 minutes before
     */
    public Instant renewAt() {
        Duration margin = lifetime == null ? MAX_MARGIN : lifetime.dividedBy(10);
        margin = margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin.compareTo(MIN_MARGIN) < 0 ? MIN_MARGIN : margin;
        return expiresAt.minus(margin);
    }

    /**
     * @param now the time now
     * @return whether the session should be renewed before its next use
     */
    public boolean renewDue(Instant now) {
        return !now.isBefore(renewAt());
    }
}
