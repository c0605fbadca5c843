package dev.iicsctl.emulator.v3;

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
import java.net.URI;

/** v3 {@code login} (login host) and {@code logout} (login host and pod host). */
public final class V3LoginRoutes {
    private static final String LOGIN = "/saas/public/core/v3/login";
    private static final String LOGOUT = "/saas/public/core/v3/logout";

    private final Authenticator auth;
    private final URI podUrl;

    public V3LoginRoutes(Authenticator auth, URI podUrl) {
        this.auth = auth;
        this.podUrl = podUrl;
    }

    public void registerLogin(Router login) {
        login.addLogin("POST", LOGIN, ErrorStyle.V3, this::login);
        login.add("POST", LOGOUT, ErrorStyle.V3, this::logout);
    }

    public void registerPod(Router pod) {
        pod.add("POST", LOGOUT, ErrorStyle.V3, this::logout);
    }

    private Response login(Request request) {
        EmulatedSession session = auth.login(request.bodyObject(), () -> new ApiException(401,
                ErrorCodes.BAD_LOGIN_V3, "User name or password is not valid."));
        CatalogUser user = session.user();
        ObjectNode out = Json.object();
        out.putArray("products").addObject().put("name", "Integration Cloud").put("baseApiUrl", podUrl + "/saas");
        ObjectNode info = out.putObject("userInfo");
        info.put("sessionId", session.id());
        info.put("id", StableIds.federatedId("user:" + user.username()));
        info.put("name", user.username());
        info.put("parentOrgId", StableIds.federatedId("parent:" + user.org()));
        info.put("orgId", StableIds.federatedId("org:" + user.org()));
        info.put("orgName", user.org());
        info.putObject("groups");
        info.put("status", "Active");
        return Response.ok(out);
    }

    private Response logout(Request request) {
        EmulatedSession session = auth.require(request);
        auth.sessions().close(session.id());
        return Response.empty();
    }
}
