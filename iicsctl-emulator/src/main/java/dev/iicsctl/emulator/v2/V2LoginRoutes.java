package dev.iicsctl.emulator.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.emulator.catalog.CatalogUser;
import dev.iicsctl.emulator.http.ApiException;
import dev.iicsctl.emulator.http.ErrorCodes;
import dev.iicsctl.emulator.http.ErrorStyle;
import dev.iicsctl.emulator.http.Json;
import dev.iicsctl.emulator.http.Request;
import dev.iicsctl.emulator.http.Response;
import dev.iicsctl.emulator.http.Router;
import dev.iicsctl.emulator.id.StableIds;
import dev.iicsctl.emulator.session.Authenticator;
import dev.iicsctl.emulator.session.EmulatedSession;
import dev.iicsctl.emulator.session.FederatedLogins;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * v2 {@code user/login}, {@code user/loginOAuth}, {@code user/loginSaml} and {@code user/logoutall} (login host),
 * {@code user/logout} and {@code user/validSessionId} (pod host).
 */
public final class V2LoginRoutes {
    private final Authenticator auth;
    private final FederatedLogins federated;
    private final URI podUrl;

    public V2LoginRoutes(Authenticator auth, FederatedLogins federated, URI podUrl) {
        this.auth = auth;
        this.federated = federated;
        this.podUrl = podUrl;
    }

    public void registerLogin(Router login) {
        login.addLogin("POST", "/ma/api/v2/user/login", ErrorStyle.V2, this::login);
        login.addLogin("POST", "/ma/api/v2/user/loginOAuth", ErrorStyle.V2,
                r -> federatedLogin(r, "oauthToken", federated::oauth));
        login.addLogin("POST", "/ma/api/v2/user/loginSaml", ErrorStyle.V2,
                r -> federatedLogin(r, "samlToken", federated::saml));
        login.addLogin("POST", "/ma/api/v2/user/logoutall", ErrorStyle.V2, this::logoutAll);
    }

    public void registerPod(Router pod) {
        pod.add("POST", "/saas/api/v2/user/logout", ErrorStyle.V2, this::logout);
        pod.add("POST", "/saas/api/v2/user/validSessionId", ErrorStyle.V2, this::validSessionId);
    }

    private Response login(Request request) {
        EmulatedSession session = auth.login(request.bodyObject(), () -> new ApiException(403,
                ErrorCodes.BAD_LOGIN_V2, "User name or password is not valid."));
        return Response.ok(userObject(session.user(), session)).withXmlRoot("user");
    }

    /**
     * A token or SAML login: the credential must be valid for the org named by {@code orgId}, and is taken once.
     */
    private Response federatedLogin(Request request, String field,
            Function<String, Optional<CatalogUser>> check) {
        ObjectNode body = request.bodyObject();
        String credential = Json.text(body, field);
        String orgId = Json.text(body, "orgId");
        if (credential == null || orgId == null) {
            throw ApiException.badRequest("The login needs '" + field + "' and 'orgId'.");
        }
        if (!federated.configured()) {
            throw new ApiException(403, ErrorCodes.NO_SSO,
                    "The organization is not set up for SAML single sign-on: no identity provider is registered.");
        }
        CatalogUser user = check.apply(credential).filter(u -> orgId(u).equals(orgId))
                .orElseThrow(() -> new ApiException(403, ErrorCodes.BAD_TOKEN,
                        "The token is not valid for this organization, has expired or was used before."));
        EmulatedSession session = auth.sessions().open(user);
        return Response.ok(userObject(user, session)).withXmlRoot("user");
    }

    /** Ends every session of the user's org; needs the user name and password, not a session. */
    private Response logoutAll(Request request) {
        ObjectNode body = request.bodyObject();
        String username = Json.text(body, "username");
        String password = Json.text(body, "password");
        if (username == null || password == null) {
            throw ApiException.badRequest("logoutall needs 'username' and 'password'.");
        }
        CatalogUser user = auth.catalog().authenticate(username, password).orElseThrow(() -> new ApiException(403,
                ErrorCodes.BAD_LOGIN_V2, "User name or password is not valid."));
        int ended = auth.sessions().closeOrg(user.org());
        return Response.success("Logged out " + ended + " session(s) of the organization.");
    }

    private ObjectNode userObject(CatalogUser user, EmulatedSession session) {
        ObjectNode u = Json.object();
        u.put("@type", "user");
        u.put("id", StableIds.v2Id("0003KB03", "user:" + user.username()));
        u.put("orgId", orgId(user));
        u.put("orgUuid", StableIds.federatedId("orguuid:" + user.org()));
        u.put("name", user.username());
        u.put("description", "");
        u.put("firstName", "Demo").put("lastName", "User").put("title", "").put("phone", "");
        u.put("emails", user.username());
        u.put("timezone", "America/New_York");
        ObjectNode role = u.putArray("roles").addObject();
        role.put("@type", "role").put("name", "Admin").put("description", "Role for performing administrative tasks.");
        u.put("serverUrl", podUrl + "/saas");
        u.put("icSessionId", session.id());
        u.put("securityQuestion", "").put("securityAnswer", "");
        u.put("uuId", StableIds.federatedId("user:" + user.username()));
        u.put("forceChangePassword", false);
        return u;
    }

    /** The org id of a user (stable, 22 characters). */
    public static String orgId(CatalogUser user) {
        return StableIds.federatedId("org:" + user.org());
    }

    private Response logout(Request request) {
        EmulatedSession session = auth.require(request);
        auth.sessions().close(session.id());
        return Response.empty();
    }

    private Response validSessionId(Request request) {
        ObjectNode body = request.bodyObject();
        String token = Json.text(body, "icToken");
        if (token == null) {
            token = Authenticator.sessionId(request);
        }
        if (token == null) {
            throw ApiException.badRequest("validSessionId needs 'icToken' (the session id to check).");
        }
        String userName = Json.text(body, "userName");
        ObjectNode out = Json.object();
        out.put("@type", "validatedToken");
        var session = auth.sessions().peek(token)
                .filter(s -> userName == null || s.user().username().equalsIgnoreCase(userName));
        out.put("timeUntilExpire", session.map(s -> auth.sessions().timeLeft(s).toMinutes()).orElse(0L));
        out.put("isValidToken", session.isPresent());
        return Response.ok(out);
    }
}
