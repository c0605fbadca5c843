package dev.iicsctl.emulator.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.emulator.catalog.CatalogUser;
import dev.iicsctl.emulator.http.Json;
import dev.iicsctl.emulator.id.IdGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Makes JWT-shaped session ids. IICS documents no signing key a client could check, and clients only read
 * the {@code exp} claim to renew in time, so the signature here is random bytes: the emulator recognises its
 * tokens by looking them up, as it does opaque ids.
 */
final class JwtIds {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"iics-emulator\"}");

    private JwtIds() {}

    /**
     * @param user who logged in
     * @param issuedAt when
     * @param expiresAt when the token stops working
     * @param ids the emulator's random source (seeded in tests)
     * @return a compact JWT: base64url header, payload and signature joined by dots
     */
    static String issue(CatalogUser user, Instant issuedAt, Instant expiresAt, IdGenerator ids) {
        ObjectNode claims = Json.object();
        claims.put("iss", "iics-emulator");
        claims.put("sub", user.username());
        claims.put("org", user.org());
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", ids.base62(22));
        return HEADER + "." + encode(claims.toString()) + "." + encode(ids.base62(43));
    }

    private static String encode(String text) {
        return URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
