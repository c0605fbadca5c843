package dev.iicsctl.emulator.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.emulator.catalog.Catalog;
import dev.iicsctl.emulator.catalog.CatalogUser;
import dev.iicsctl.emulator.http.ApiException;
import dev.iicsctl.emulator.http.Json;
import java.util.function.Supplier;
import dev.iicsctl.emulator.http.ErrorCodes;
import dev.iicsctl.emulator.http.Request;

/**
 * Finds the session of a request: {@code icSessionId} (v2) or {@code INFA-SESSION-ID} (v3), header names in any
 * case; either header works on either API version.
 */
public final class Authenticator {
    /** The v2 session header. */
    public static final String V2_HEADER = "icSessionId";
    /** The v3 session header. */
    public static final String V3_HEADER = "INFA-SESSION-ID";

    private final SessionRegistry sessions;
    private final Catalog catalog;

    public Authenticator(SessionRegistry sessions, Catalog catalog) {
        this.sessions = sessions;
        this.catalog = catalog;
    }

    /**
     * Opens a session for the {@code username} and {@code password} of a login body.
     *
     * @param rejected the error for wrong credentials (v2 and v3 differ)
     * @throws ApiException 400 when a field is missing, {@code rejected} when the credentials are wrong
     */
    public EmulatedSession login(ObjectNode body, Supplier<ApiException> rejected) {
        String username = Json.text(body, "username");
        String password = Json.text(body, "password");
        if (username == null || password == null) {
            throw ApiException.badRequest("The login needs 'username' and 'password'.");
        }
        CatalogUser user = catalog.authenticate(username, password).orElseThrow(rejected);
        return sessions.open(user);
    }

    /** The session id the request carries, or {@code null}. */
    public static String sessionId(Request request) {
        String id = request.header(V2_HEADER);
        return id != null ? id : request.header(V3_HEADER);
    }

    /**
     * The live session of {@code request}, renewed.
     *
     * @throws ApiException 401 when the header is missing or the session unknown or expired
     */
    public EmulatedSession require(Request request) {
        String id = sessionId(request);
        if (id == null) {
            throw new ApiException(401, ErrorCodes.INVALID_SESSION,
                    "No session id: send the icSessionId (v2) or INFA-SESSION-ID (v3) header from login.");
        }
        return sessions.use(id).orElseThrow(() -> new ApiException(401, ErrorCodes.INVALID_SESSION,
                "Invalid or expired session id. Log in again."));
    }

    public Catalog catalog() {
        return catalog;
    }

    public SessionRegistry sessions() {
        return sessions;
    }
}
