package dev.iicsctl.client.internal;

import dev.iicsctl.client.HttpTraceListener;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.RetryPolicy;
import dev.iicsctl.client.auth.AuthVersion;
import dev.iicsctl.client.auth.Credentials;
import dev.iicsctl.client.auth.IdentityProviderLogin;
import dev.iicsctl.client.auth.SessionStore;
import dev.iicsctl.client.internal.http.AnswerLimits;
import dev.iicsctl.client.internal.time.TimeSource;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The checked settings of a client, as built by {@link dev.iicsctl.client.IicsClient.Builder}.
 *
 * @param loginUrl login URL without trailing slash
 * @param username user name
 * @param password credentials, or {@code null} when only a stored session may be used
 * @param authVersion login API
 * @param connectTimeout TCP connect timeout
 * @param readTimeout how long one attempt of a request may take, whole answer (headers and body) included
 * @param proxy HTTPS proxy, or {@code null}
 * @param caFile extra CA PEM file, or {@code null}
 * @param userAgent User-Agent header
 * @param allowInsecureHttp whether http to a non-loopback host was allowed
 * @param retryPolicy retries of idempotent calls
 * @param pollPolicy default polling
 * @param reconcileWindow how long to look for a run after an unknown start outcome
 * @param sessionIdleTimeout stored sessions idle longer than this are not reused
 * @param sessionStore session store
 * @param traceListener redacted trace receiver, or {@code null}
 * @param identityProviderLogin a token or SAML login used instead of the password, or {@code null}
 * @param traceFile where to write every exchange as a HAR file on close, or {@code null}
 * @param time the wall clock, the monotonic clock and sleeping of every wait (tests install a virtual one);
 *     {@link TimeSource#system()} otherwise
 * @param answerLimits how much of an answer is read
 * @param sharedMonitorFolder where processes of this host share activity monitor snapshots, or {@code null}
 */
public record ClientConfig(URI loginUrl, String username, Credentials password, AuthVersion authVersion,
        Duration connectTimeout, Duration readTimeout, InetSocketAddress proxy, Path caFile, String userAgent,
        boolean allowInsecureHttp, RetryPolicy retryPolicy, PollPolicy pollPolicy, Duration reconcileWindow,
        Duration sessionIdleTimeout, SessionStore sessionStore, HttpTraceListener traceListener,
        IdentityProviderLogin identityProviderLogin, Path traceFile, TimeSource time, AnswerLimits answerLimits,
        Path sharedMonitorFolder) {

    /** @return whether the client can log in by itself (a password or an identity-provider source) */
    public boolean canLogIn() {
        return password != null || identityProviderLogin != null;
    }

    @Override
    public String toString() {
        return "ClientConfig[loginUrl=" + loginUrl + ", username=" + username + ", password=***, auth=" + authVersion
                + "]";
    }
}
