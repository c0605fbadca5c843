package dev.iicsctl.client.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.client.IicsAuthException;
import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.auth.Session;
import dev.iicsctl.client.internal.auth.HttpAuthService;
import dev.iicsctl.client.internal.http.ErrorMapper;
import dev.iicsctl.client.internal.http.HttpAnswer;
import dev.iicsctl.client.internal.http.HttpCall;
import dev.iicsctl.client.internal.http.HttpTransport;
import dev.iicsctl.client.internal.http.Redactor;
import dev.iicsctl.client.internal.http.WireJson;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Authenticated calls to the pod: builds the URL for the API area, adds the right session header, and on a
 * 401 logs in once more (shared by all threads) and retries once.
 */
public final class IicsApi {

    /** Fresh logins one call may make after 401 answers before the refusal is final. */
    static final int MAX_RENEWALS = 2;

    private final HttpTransport transport;
    private final HttpAuthService auth;
    private final Redactor redactor;

    /**
     * @param transport the transport
     * @param auth the session holder
     * @param redactor masks secrets in error messages
     */
    public IicsApi(HttpTransport transport, HttpAuthService auth, Redactor redactor) {
        this.transport = transport;
        this.auth = auth;
        this.redactor = redactor;
    }

    /** @return the transport (for its server clock and backoff) */
    public HttpTransport transport() {
        return transport;
    }

    /**
     * GET returning JSON; any error status becomes an exception.
     *
     * @param area API area
     * @param path path below the area's base, e.g. {@code /activity/activityMonitor}
     * @param query query parameters (values unencoded), may be empty
     * @return the JSON body
     */
    public JsonNode getJson(ApiArea area, String path, Map<String, String> query) {
        return json(ApiRequest.get(area, path).query(query).build());
    }

    /**
     * Sends a request whose success answer is JSON; any error status becomes an exception. A success answer
     * whose body is not JSON (cut short by a proxy or a dropped connection) is, for a resendable request, read
     * again like any other transient failure, up to the retry policy's attempts.
     *
     * @param request the request
     * @return the JSON body
     */
    public JsonNode json(ApiRequest request) {
        return read(request, answer -> WireJson.parse(require(answer)));
    }

    /**
     * Sends a request and reads its answer with {@code reader}, sending a resendable request again when the
     * reader finds a success answer garbled ({@link dev.iicsctl.client.internal.http.GarbledAnswerException}).
     *
     * @param request the request
     * @param reader reads the answer, whatever its status
     * @param <T> what the reader makes of it
     * @return what the reader made of the answer
     */
    public <T> T read(ApiRequest request, Function<HttpAnswer, T> reader) {
        return transport.read(request.resendable(), () -> exchange(request), reader);
    }

    /**
     * Sends a request and returns its answer whatever the status (a 401 is handled first by one re-login). A
     * request with {@link ApiRequest#saveTo()} has its success answer streamed into that file (up to the download
     * limit) instead of memory; an error answer is read into memory as usual.
     *
     * @param request the request
     * @return the answer, whose body is empty when it went into a file
     */
    public HttpAnswer exchange(ApiRequest request) {
        Session session = auth.session();
        HttpAnswer answer;
        try {
            answer = transport.execute(call(session, request));
        } catch (IicsConnectionException e) {
            // A stored session may name a pod IICS has moved the org away from; the login answer names the current
            // one. A refused connection never reached the pod, so even a start may be sent again.
            if (!auth.isStored(session) || !HttpTransport.neverSent(e)) {
                throw e;
            }
            session = auth.renewAfterUnreachable(session);
            answer = transport.execute(call(session, request));
        }
        // A 401 means the request was refused before it was handled, so even a start may be resent. Sessions can
        // be ended by others at any moment (an org-wide logout, an admin, frequent expiry), also right after a fresh
        // login, so a fresh session is refused for good only when a second fresh one is refused too; a session this
        // thread did not log in for (stored, or renewed by another thread) earns one renewal more.
        int limit = MAX_RENEWALS;
        for (int renewals = 0; answer.status() == 401 && renewals < limit; renewals++) {
            if (auth.isShared(session)) {
                limit = MAX_RENEWALS + 1;
            }
            session = auth.renewAfter401(session);
            answer = transport.execute(call(session, request));
        }
        if (answer.status() == 401) {
            ErrorMapper.ErrorBody error = ErrorMapper.errorBody(answer);
            throw new IicsAuthException("IICS refused a fresh session for " + answer.call().label()
                    + " (HTTP 401): check that " + auth.session().username() + " may use this resource",
                    401, error.code());
        }
        if (answer.isSuccess()) {
            auth.touched();
        }
        return answer;
    }

    /**
     * @param answer an answer
     * @return the same answer when it is a success
     * @throws dev.iicsctl.client.IicsApiException otherwise
     */
    public HttpAnswer require(HttpAnswer answer) {
        if (!answer.isSuccess()) {
            throw ErrorMapper.apiError(answer, redactor);
        }
        return answer;
    }

    /**
     * @param answer an error answer
     * @return the exception it maps to
     */
    public dev.iicsctl.client.IicsApiException errorOf(HttpAnswer answer) {
        return ErrorMapper.apiError(answer, redactor);
    }

    /** @return the current session, logging in if needed */
    public Session session() {
        return auth.session();
    }

    private static HttpCall call(Session s, ApiRequest request) {
        String base = trimSlash(s.serverUrl().toString());
        String url = switch (request.area()) {
            case V2 -> base + "/api/v2" + request.path();
            case V3 -> base + "/public/core/v3" + request.path();
            case POD_ROOT -> trimSlash(s.podRoot().toString()) + request.path();
        };
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put(request.area() == ApiArea.V2 ? "icSessionId" : "INFA-SESSION-ID", s.id());
        return new HttpCall(request.method(), URI.create(url + queryString(request.query())), headers,
                request.body() == null ? null : WireJson.write(request.body()), request.resendable(),
                request.saveTo());
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner q = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> q.add(encode(k) + "=" + encode(v)));
        return q.toString();
    }

    /**
     * @param value a path segment or query value
     * @return it percent-encoded, with spaces as {@code %20}
     */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String trimSlash(String s) {
        String t = s;
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
