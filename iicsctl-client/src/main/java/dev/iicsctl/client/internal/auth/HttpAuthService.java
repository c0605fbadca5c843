package dev.iicsctl.client.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.client.IicsApiException;
import dev.iicsctl.client.IicsAuthException;
import dev.iicsctl.client.auth.AuthService;
import dev.iicsctl.client.auth.AuthVersion;
import dev.iicsctl.client.auth.IdentityProviderLogin;
import dev.iicsctl.client.auth.Session;
import dev.iicsctl.client.internal.ClientConfig;
import dev.iicsctl.client.internal.http.ErrorMapper;
import dev.iicsctl.client.internal.http.HttpAnswer;
import dev.iicsctl.client.internal.http.HttpCall;
import dev.iicsctl.client.internal.http.HttpTransport;
import dev.iicsctl.client.internal.http.PlainHttp;
import dev.iicsctl.client.internal.http.Redactor;
import dev.iicsctl.client.internal.http.WireJson;
import java.net.URI;
import java.nio.CharBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the client's one session. All logins go through one lock, so that many threads finding the session
 * expired at once cause a single login. A login refused for bad credentials is remembered and never retried.
 */
public final class HttpAuthService implements AuthService {

    private static final String PASSWORD_HINT = "check the user name and password";

    private final ClientConfig config;
    private final HttpTransport transport;
    private final Redactor redactor;
    private final Clock clock;
    private final Object lock = new Object();
    private final AtomicReference<Instant> lastUsed = new AtomicReference<>();
    private volatile Session current;
    /** The session taken from the store, while it is the current one (a stale pod URL is then worth a login). */
    private volatile Session stored;
    /** The session each thread logged in for itself: any other one it is refused with was shared with it. */
    private final ThreadLocal<Session> ownLogin = new ThreadLocal<>();
    private volatile boolean storeChecked;
    private volatile IicsAuthException refused;

    /**
     * @param config client settings
     * @param transport the transport
     * @param redactor learns each session id so it is masked everywhere
     */
    public HttpAuthService(ClientConfig config, HttpTransport transport, Redactor redactor) {
        this.config = config;
        this.transport = transport;
        this.redactor = redactor;
        this.clock = config.time().wallClock();
    }

    @Override
    public Session session() {
        Session s = current;
        if (s != null && !renewDue(s)) {
            return s;
        }
        synchronized (lock) {
            if (current == null && !storeChecked) {
                storeChecked = true;
                loadStored();
            }
            if (current != null && renewDue(current)) {
                // A JWT ends at its exp whatever its use: log in again before it does, so no call fails with 401.
                transport.trace().note("the JWT session ends at " + JwtLifetime.of(current.id()).orElseThrow().expiresAt()
                        + ": logging in again before it does");
                forgetStored();
                current = null;
            }
            if (current == null) {
                loginLocked();
            }
            return current;
        }
    }

    /** Whether {@code s} is a JWT session near its end that a fresh login (a password is at hand) can replace. */
    private boolean renewDue(Session s) {
        return config.canLogIn() && JwtLifetime.of(s.id()).map(j -> j.renewDue(clock.instant())).orElse(false);
    }

    @Override
    public Session login() {
        synchronized (lock) {
            storeChecked = true;
            loginLocked();
            return current;
        }
    }

    @Override
    public Optional<Session> current() {
        return Optional.ofNullable(current);
    }

    /**
     * Called after a 401 on an established session: logs in again unless another thread already did.
     *
     * @param stale the session that was refused
     * @return the session to retry with
     * @throws IicsAuthException when the fresh login is refused
     */
    public Session renewAfter401(Session stale) {
        synchronized (lock) {
            Session now = current;
            if (now != null && !now.id().equals(stale.id())) {
                return now;
            }
            transport.trace().note("session refused (HTTP 401): logging in again, once");
            return replaceLocked();
        }
    }

    /**
     * Called when the pod of a session taken from the store cannot be reached (the session names a pod URL IICS no
     * longer uses): logs in again, since the login answer names the current pod, unless another thread already did.
     *
     * @param stale the stored session whose pod refused the connection
     * @return the session to retry with
     */
    public Session renewAfterUnreachable(Session stale) {
        synchronized (lock) {
            Session now = current;
            if (now != null && !now.id().equals(stale.id())) {
                return now;
            }
            transport.trace().note("the stored session's pod " + stale.serverUrl() + " cannot be reached: logging in "
                    + "again, once");
            return replaceLocked();
        }
    }

    /**
     * @param session a session a call was made with
     * @return true when it came from the session store and has not been replaced since
     */
    public boolean isStored(Session session) {
        Session s = stored;
        return s != null && s.id().equals(session.id());
    }

    /**
     * @param session a session a call was refused with
     * @return true when the calling thread did not log in for it (it came from the store or another thread): its
     *     refusal says nothing yet about a session of this thread's own
     */
    public boolean isShared(Session session) {
        Session own = ownLogin.get();
        return own == null || !own.id().equals(session.id());
    }

    private Session replaceLocked() {
        forgetStored();
        current = null;
        stored = null;
        loginLocked();
        return current;
    }

    /** Records a successful call, for the idle time kept in the session store. */
    public void touched() {
        lastUsed.set(clock.instant());
    }

    @Override
    public void logout() {
        synchronized (lock) {
            Session s = current;
            current = null;
            storeChecked = true;
            stored = null;
            forgetStored();
            if (s == null) {
                return;
            }
            HttpCall call = s.authVersion() == AuthVersion.V3
                    ? new HttpCall("POST", URI.create(config.loginUrl() + "/saas/public/core/v3/logout"),
                            Map.of("INFA-SESSION-ID", s.id()), null, true)
                    : new HttpCall("POST", URI.create(trimSlash(s.serverUrl().toString()) + "/api/v2/user/logout"),
                            Map.of("icSessionId", s.id()), null, true);
            HttpAnswer answer = transport.execute(call);
            // 401 means the session had already ended: the goal of a logout is met.
            if (!answer.isSuccess() && answer.status() != 401) {
                throw ErrorMapper.apiError(answer, redactor);
            }
        }
    }

    @Override
    public void logoutAll() {
        synchronized (lock) {
            if (config.password() == null) {
                throw new IicsAuthException("logging out every session of the organization needs the password of "
                        + config.username() + ": give it as for a login", 0, null);
            }
            ObjectNode body = credentialsBody();
            body.put("@type", "logout");
            // The answer is a success object, or nothing: either means done.
            sendForEffect("/ma/api/v2/user/logoutall", body, PASSWORD_HINT);
            current = null;
            storeChecked = true;
            forgetStored();
            transport.trace().note("ended every session of the organization of " + config.username());
        }
    }

    /** Saves the session with its last-use time, so the next client can reuse it. */
    public void close() {
        Session s = current;
        Instant used = lastUsed.get();
        if (s != null && used != null) {
            keep(s.usedAt(used));
        }
    }

    private void loadStored() {
        Optional<Session> found = config.sessionStore().load(config.loginUrl(), config.username());
        found.filter(s -> s.serverUrl() != null && s.id() != null)
                .filter(this::storedSessionAlive)
                .filter(this::safePod)
                .ifPresent(s -> {
                    redactor.remember(s.id());
                    current = s;
                    stored = s;
                    transport.trace().note("using the stored session obtained at " + s.obtainedAt());
                });
    }

    /** A stored JWT session lives until its exp (renewed shortly before); an opaque one until it is idle too long. */
    private boolean storedSessionAlive(Session s) {
        Instant now = clock.instant();
        return JwtLifetime.of(s.id())
                .map(jwt -> now.isBefore(config.canLogIn() ? jwt.renewAt() : jwt.expiresAt()))
                .orElseGet(() -> s.lastUsedAt().plus(config.sessionIdleTimeout()).isAfter(now));
    }

    /**
     * A stored pod URL is checked as a login answer is: a store edited to name a plain-http host elsewhere would
     * otherwise receive the session id in clear text. Such a session is not used; a fresh login replaces it.
     */
    private boolean safePod(Session s) {
        if (PlainHttp.maySendSecrets(s.serverUrl(), config.allowInsecureHttp())) {
            return true;
        }
        transport.trace().note("not using the stored session: its pod " + s.serverUrl().getScheme() + "://"
                + s.serverUrl().getAuthority() + " is not https (plain http is only for the loopback host)");
        return false;
    }

    /**
     * The store only saves logins: a store that cannot write (a full disk, a missing folder) must not fail a call
     * that has succeeded, so its failure is noted in the trace and the session kept in memory.
     */
    private void keep(Session s) {
        try {
            config.sessionStore().save(s);
        } catch (RuntimeException e) {
            transport.trace().note("the session store could not keep the session: " + storeProblem(e));
        }
    }

    private void forgetStored() {
        try {
            config.sessionStore().clear(config.loginUrl(), config.username());
        } catch (RuntimeException e) {
            transport.trace().note("the session store could not forget the session: " + storeProblem(e));
        }
    }

    private String storeProblem(RuntimeException e) {
        Throwable t = e.getCause() != null && e.getMessage() != null && e.getMessage().startsWith("java.") ? e.getCause() : e;
        return redactor.redact(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    private void loginLocked() {
        IicsAuthException before = refused;
        if (before != null) {
            // Never log in again after a refusal: repeated failures can lock the account.
            throw new IicsAuthException(before.getMessage(), before.httpStatus(), before.code());
        }
        if (!config.canLogIn()) {
            throw new IicsAuthException("no valid session for " + config.username() + " at " + config.loginUrl()
                    + " and no password given: provide the password to log in", 0, null);
        }
        Session s = config.identityProviderLogin() != null ? loginWithIdentityProvider()
                : config.authVersion() == AuthVersion.V3 ? loginV3() : loginV2();
        redactor.remember(s.id());
        current = s;
        ownLogin.set(s);
        lastUsed.set(s.obtainedAt());
        keep(s);
    }

    private Session loginV2() {
        ObjectNode body = credentialsBody();
        body.put("@type", "login");
        JsonNode json = send("/ma/api/v2/user/login", body, PASSWORD_HINT);
        String id = WireJson.text(json, "icSessionId");
        String server = WireJson.text(json, "serverUrl");
        return session(id, server, "icSessionId and serverUrl", AuthVersion.V2);
    }

    private Session loginV3() {
        JsonNode json = send("/saas/public/core/v3/login", credentialsBody(), PASSWORD_HINT);
        String id = WireJson.text(json.path("userInfo"), "sessionId");
        String server = null;
        JsonNode products = json.path("products");
        for (JsonNode p : products) {
            if ("Integration Cloud".equalsIgnoreCase(WireJson.text(p, "name"))) {
                server = WireJson.text(p, "baseApiUrl");
                break;
            }
        }
        if (server == null && products.size() > 0) {
            server = WireJson.text(products.get(0), "baseApiUrl");
        }
        return session(id, server, "userInfo.sessionId and products[].baseApiUrl", AuthVersion.V3);
    }

    /**
     * {@code loginOAuth} or {@code loginSaml}: a fresh credential from the identity provider for each login (IICS
     * takes each once); the answer is the v2 user object.
     */
    private Session loginWithIdentityProvider() {
        IdentityProviderLogin idp = config.identityProviderLogin();
        char[] token;
        try {
            token = idp.next();
        } catch (RuntimeException e) {
            throw new IicsAuthException("could not get a " + idp.kind().word() + " token to log in "
                    + config.username() + ": " + redactor.redact(e.getMessage()), 0, null);
        }
        ObjectNode body = WireJson.object();
        String secret = CharBuffer.wrap(token).toString();
        Arrays.fill(token, '\0');
        redactor.remember(secret);
        if (idp.kind() == IdentityProviderLogin.Kind.OAUTH) {
            body.put("oauthToken", secret);
        } else {
            body.put("@type", "login");
            body.put("samlToken", secret);
        }
        body.put("orgId", idp.orgId());
        String path = idp.kind() == IdentityProviderLogin.Kind.OAUTH ? "/ma/api/v2/user/loginOAuth"
                : "/ma/api/v2/user/loginSaml";
        JsonNode json = send(path, body, "check that the token is fresh (IICS takes each token once), that it is "
                + "for org " + idp.orgId() + " and that the user is set up for SAML single sign-on");
        return session(WireJson.text(json, "icSessionId"), WireJson.text(json, "serverUrl"),
                "icSessionId and serverUrl", AuthVersion.V2);
    }

    private Session session(String id, String server, String fields, AuthVersion version) {
        URI serverUrl = server == null ? null : parseServerUrl(server);
        if (id == null || id.isBlank() || serverUrl == null) {
            throw new IicsApiException("the " + version + " login answer lacks " + fields
                    + ": check that the login URL points at IICS", 200, null, null, "POST login", null);
        }
        if (!PlainHttp.maySendSecrets(serverUrl, config.allowInsecureHttp())) {
            // The session id is as good as the password for 30 minutes: it never travels in clear text either.
            throw new IicsApiException("the " + version + " login answer names the pod at " + serverUrl.getScheme()
                    + "://" + serverUrl.getAuthority() + ", which is not https: refusing to send the session there; "
                    + "check the login URL (plain http is only allowed to the loopback host or when explicitly allowed)",
                    200, null, null, "POST login", null);
        }
        Instant now = clock.instant();
        transport.trace().note("logged in as " + config.username() + " (" + version + "), pod " + serverUrl);
        return new Session(id, serverUrl, config.username(), config.loginUrl(), version, now, now);
    }

    private static URI parseServerUrl(String server) {
        try {
            URI uri = URI.create(trimSlash(server.trim()));
            return uri.getScheme() != null && uri.getHost() != null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private ObjectNode credentialsBody() {
        ObjectNode body = WireJson.object();
        body.put("username", config.username());
        char[] pw = config.password().password();
        try {
            body.put("password", CharBuffer.wrap(pw).toString());
        } finally {
            Arrays.fill(pw, '\0');
        }
        return body;
    }

    private JsonNode send(String path, ObjectNode body, String hint) {
        // Idempotent in effect (a login only creates a session), so transient failures are retried and a garbled
        // answer is read again; a refusal is a 4xx answer, which the transport never retries.
        HttpCall call = loginHostCall(path, body);
        return transport.read(true, () -> transport.execute(call), answer -> WireJson.parse(accepted(answer, hint)));
    }

    /** A POST to the login host whose answer, a success object or nothing, only says it was done. */
    private void sendForEffect(String path, ObjectNode body, String hint) {
        accepted(transport.execute(loginHostCall(path, body)), hint);
    }

    private HttpCall loginHostCall(String path, ObjectNode body) {
        return new HttpCall("POST", URI.create(config.loginUrl() + path), Map.of(), WireJson.write(body), true);
    }

    /** The answer when it is a success; a refusal is final (4xx other than 429): an {@link IicsAuthException}. */
    private HttpAnswer accepted(HttpAnswer answer, String hint) {
        if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 429) {
            ErrorMapper.ErrorBody error = ErrorMapper.errorBody(answer);
            IicsAuthException e = new IicsAuthException("IICS refused the login of " + config.username() + " at "
                    + config.loginUrl() + " (HTTP " + answer.status() + (error.code() == null ? "" : ", " + error.code())
                    + "): " + hint + "; not retried, so the account is not locked",
                    answer.status(), error.code());
            refused = e;
            throw e;
        }
        if (!answer.isSuccess()) {
            throw ErrorMapper.apiError(answer, redactor);
        }
        return answer;
    }

    private static String trimSlash(String s) {
        String t = s;
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
