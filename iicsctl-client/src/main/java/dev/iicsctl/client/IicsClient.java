package dev.iicsctl.client;

import dev.iicsctl.client.auth.AuthService;
import dev.iicsctl.client.auth.AuthVersion;
import dev.iicsctl.client.auth.Credentials;
import dev.iicsctl.client.auth.IdentityProviderLogin;
import dev.iicsctl.client.auth.SessionStore;
import dev.iicsctl.client.internal.ClientConfig;
import dev.iicsctl.client.internal.ClientRuntime;
import dev.iicsctl.client.internal.http.AnswerLimits;
import dev.iicsctl.client.internal.http.PlainHttp;
import dev.iicsctl.client.internal.time.TimeSource;
import dev.iicsctl.client.job.JobService;
import dev.iicsctl.client.log.LogService;
import dev.iicsctl.client.monitor.MonitorService;
import dev.iicsctl.client.task.TaskService;
import dev.iicsctl.client.taskflow.TaskflowService;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * The entry point: a thread-safe IICS client, built once and closed at the end.
 *
 * <pre>{@code
 * try (IicsClient iics = IicsClient.builder()
 *         .loginUrl("dm-us")
 *         .credentials("etl@example.com", password)
 *         .build()) {
 *     TaskRef task = iics.tasks().resolve("Sales/Load Orders", TaskType.MTT);
 *     RunHandle run = iics.jobs().start(task);
 *     RunResult result = iics.jobs().await(run, Duration.ofHours(2));
 * }
 * }</pre>
 *
 * <p>The services ({@link #auth()}, {@link #tasks()}, {@link #jobs()}, {@link #monitor()}, {@link #logs()},
 * {@link #taskflows()})
 * share one HTTP client and one session. The session is obtained on first use, renewed once on a 401, and
 * never renewed after a login refused for bad credentials.
 */
public final class IicsClient implements AutoCloseable {

    private final ClientConfig config;
    private final ClientRuntime runtime;

    private IicsClient(ClientConfig config) {
        this.config = config;
        this.runtime = new ClientRuntime(config);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this client's settings, to build a variant (the new client has its own session) */
    public Builder toBuilder() {
        return new Builder(config);
    }

    /** @return login, logout and the current session */
    public AuthService auth() {
        return runtime.auth();
    }

    /** @return task lookup and listing */
    public TaskService tasks() {
        return runtime.tasks();
    }

    /** @return start, stop, await, status and history of jobs */
    public JobService jobs() {
        return runtime.jobs();
    }

    /** @return the activity monitor and the watcher for many runs */
    public MonitorService monitor() {
        return runtime.monitor();
    }

    /** @return session logs and error logs */
    public LogService logs() {
        return runtime.logs();
    }

    /** @return running, following, resuming and terminating taskflows */
    public TaskflowService taskflows() {
        return runtime.taskflows();
    }

    /** @return the login URL in use */
    public URI loginUrl() {
        return config.loginUrl();
    }

    /** @return the user name */
    public String username() {
        return config.username();
    }

    /** @return the login API in use */
    public AuthVersion authVersion() {
        return config.authVersion();
    }

    /** @return the User-Agent header sent with every request */
    public String userAgent() {
        return config.userAgent();
    }

    /** @return the library version, e.g. {@code 0.1.0-SNAPSHOT} */
    public static String version() {
        return VersionHolder.VERSION;
    }

    /**
     * Stops watchers, saves the session (with its last-use time) in the session store and releases the HTTP
     * client's thread; no call can be made afterwards; then writes the trace file, if one was set. Does not log
     * out: call {@code auth().logout()} first for that. Safe to call twice.
     *
     * @throws java.io.UncheckedIOException when the trace file cannot be written (the rest is closed all the same)
     */
    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String toString() {
        return "IicsClient[loginUrl=" + config.loginUrl() + ", username=" + config.username() + ", auth="
                + config.authVersion() + "]";
    }

    private static final class VersionHolder {
        static final String VERSION = load();

        private static String load() {
            try (InputStream in = IicsClient.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    String v = p.getProperty("version", "").trim();
                    if (!v.isEmpty() && !v.startsWith("$")) {
                        return v;
                    }
                }
            } catch (IOException e) {
                // fall through to "dev": the version is informative only
            }
            return "dev";
        }
    }

    /**
     * Configuration of an {@link IicsClient}. Every value is checked in {@link #build()}, which throws
     * {@link IllegalArgumentException} with a one-line message naming the fix.
     */
    public static final class Builder {
        private String loginUrl;
        private URI resolvedLoginUrl;
        private String username;
        private char[] password;
        private AuthVersion authVersion = AuthVersion.V2;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(120);
        private String proxy;
        private Path caFile;
        private String userAgent;
        private boolean allowInsecureHttp;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private PollPolicy pollPolicy = PollPolicy.adaptive();
        private Duration reconcileWindow = Duration.ofSeconds(30);
        private Duration sessionIdleTimeout = Duration.ofMinutes(30);
        private SessionStore sessionStore = SessionStore.none();
        private HttpTraceListener traceListener;
        private TimeSource time = TimeSource.system();
        private IdentityProviderLogin identityProviderLogin;
        private Path traceFile;
        private AnswerLimits answerLimits = AnswerLimits.defaults();
        private Path sharedMonitorFolder;

        private Builder() {
        }

        private Builder(ClientConfig c) {
            this.resolvedLoginUrl = c.loginUrl();
            this.username = c.username();
            this.password = c.password() == null ? null : c.password().password();
            this.authVersion = c.authVersion();
            this.connectTimeout = c.connectTimeout();
            this.readTimeout = c.readTimeout();
            this.proxy = c.proxy() == null ? null : c.proxy().getHostString() + ":" + c.proxy().getPort();
            this.caFile = c.caFile();
            this.userAgent = c.userAgent();
            this.allowInsecureHttp = c.allowInsecureHttp();
            this.retryPolicy = c.retryPolicy();
            this.pollPolicy = c.pollPolicy();
            this.reconcileWindow = c.reconcileWindow();
            this.sessionIdleTimeout = c.sessionIdleTimeout();
            this.sessionStore = c.sessionStore();
            this.traceListener = c.traceListener();
            this.time = c.time();
            this.identityProviderLogin = c.identityProviderLogin();
            this.traceFile = c.traceFile();
            this.answerLimits = c.answerLimits();
            this.sharedMonitorFolder = c.sharedMonitorFolder();
        }

        /**
         * Not public: the limits are documented (docs/reliability.md) and tests lower them to stay small.
         *
         * @param limits how much of an answer is read
         * @return this builder
         */
        Builder answerLimits(AnswerLimits limits) {
            this.answerLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * @param urlOrShortName a login URL ({@code https://dm-us.informaticacloud.com}) or a pod short name
         *     ({@code dm-us}, see {@link PodHosts#SHORT_NAMES})
         * @return this builder
         */
        public Builder loginUrl(String urlOrShortName) {
            this.loginUrl = urlOrShortName;
            this.resolvedLoginUrl = null;
            return this;
        }

        /**
         * @param url the login URL
         * @return this builder
         */
        public Builder loginUrl(URI url) {
            return loginUrl(url == null ? null : url.toString());
        }

        /**
         * @param username the IICS user
         * @param password the password (copied; the caller may wipe its array), or {@code null} when only a
         *     stored session is to be used
         * @return this builder
         */
        public Builder credentials(String username, char[] password) {
            this.username = username;
            this.password = password == null ? null : password.clone();
            return this;
        }

        /**
         * @param credentials user name and password
         * @return this builder
         */
        public Builder credentials(Credentials credentials) {
            return credentials(credentials.username(), credentials.password());
        }

        /**
         * @param username the IICS user, without a password (a stored session must then exist)
         * @return this builder
         */
        public Builder username(String username) {
            this.username = username;
            this.password = null;
            return this;
        }

        /**
         * @param version the login API, {@link AuthVersion#V2} by default
         * @return this builder
         */
        public Builder auth(AuthVersion version) {
            this.authVersion = version;
            return this;
        }

        /**
         * @param timeout TCP connect timeout, 30 s by default
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * @param timeout longest wait for an answer to one request, 120 s by default
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /**
         * @param proxy HTTPS proxy as {@code host:port} or {@code http://host:port}, or {@code null} for none
         * @return this builder
         */
        public Builder proxy(String proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * @param pemFile a PEM file of extra CA certificates, trusted in addition to the JDK's default ones
         *     (certificate checks are never switched off), or {@code null}
         * @return this builder
         */
        public Builder caFile(Path pemFile) {
            this.caFile = pemFile;
            return this;
        }

        /**
         * @param userAgent the User-Agent header; default {@code iicsctl/<version>}
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /**
         * @param allow {@code true} to send the password over plain {@code http://} to a host that is not the
         *     loopback (refused by default)
         * @return this builder
         */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /**
         * @param policy retries of idempotent calls; {@link RetryPolicy#defaults()} by default
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        /**
         * @param policy default polling of {@code await} and watchers; {@link PollPolicy#adaptive()} by default
         * @return this builder
         */
        public Builder pollPolicy(PollPolicy policy) {
            this.pollPolicy = policy;
            return this;
        }

        /**
         * @param window how long to look for a run after a start request whose outcome is unknown, before the
         *     request may be sent again; 30 s by default
         * @return this builder
         */
        public Builder reconcileWindow(Duration window) {
            this.reconcileWindow = window;
            return this;
        }

        /**
         * @param timeout a stored session unused for longer than this is not reused; 30 min by default (as IICS)
         * @return this builder
         */
        public Builder sessionIdleTimeout(Duration timeout) {
            this.sessionIdleTimeout = timeout;
            return this;
        }

        /**
         * @param store where sessions are kept between clients; {@link SessionStore#none()} by default
         * @return this builder
         */
        public Builder sessionStore(SessionStore store) {
            this.sessionStore = store;
            return this;
        }

        /**
         * @param listener receives the redacted HTTP trace, or {@code null}
         * @return this builder
         */
        public Builder traceListener(HttpTraceListener listener) {
            this.traceListener = listener;
            return this;
        }

        /**
         * Logs in with a credential from the org's identity provider ({@code loginOAuth} or {@code loginSaml})
         * instead of a password, for orgs set up for SAML single sign-on. The user name (of
         * {@link #username(String)}) still names the session in the store and in messages.
         *
         * @param login the login, or {@code null} for a password login
         * @return this builder
         */
        public Builder identityProviderLogin(IdentityProviderLogin login) {
            this.identityProviderLogin = login;
            return this;
        }

        /**
         * Records every HTTP exchange (retries and failures included) and writes them on {@link IicsClient#close()}
         * as a HAR 1.2 file, the HTTP Archive format browsers and proxies read, to attach to a bug report. The
         * password, session ids, tokens and cookies are replaced by stable placeholders
         * ({@code redacted-session-1}); bodies are kept up to 256 KiB each. The file is written with mode 0600.
         *
         * @param file the {@code .har} file, or {@code null} for none
         * @return this builder
         */
        public Builder traceFile(Path file) {
            this.traceFile = file;
            return this;
        }

        /**
         * Shares activity monitor snapshots with the other clients and processes of this host that use the same
         * folder, pod and user: a look at the monitor uses a snapshot younger than the poll interval that asked
         * for it, or else takes a file lock, makes the one call and leaves its answer for the others (written
         * atomically, mode 0600, under a name that is a hash of pod and user). A run that a snapshot does not
         * list is looked up in the activity log as without sharing; a snapshot file that is damaged, stale, of
         * another pod or user, or dated in the future is ignored. Off by default.
         *
         * @param folder the folder (created, mode 0700, when missing), or {@code null} for no sharing
         * @return this builder
         */
        public Builder sharedMonitorSnapshots(Path folder) {
            this.sharedMonitorFolder = folder;
            return this;
        }

        /**
         * The time the client reads and sleeps by: wall clock (JWT session ends), deadlines and every wait (polls,
         * backoff, reconcile, watchers). Not public: tests install a virtual time shared with the emulator's test
         * clock, so that hours of a run pass in milliseconds on both sides (docs/reliability.md, "How tests drive
         * time").
         *
         * @param time the time source
         * @return this builder
         */
        Builder time(TimeSource time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * Checks the settings and builds the client.
         *
         * @return a new client
         * @throws InvalidSettingException naming the setting to fix (an {@link IllegalArgumentException})
         */
        public IicsClient build() {
            URI url = resolvedLoginUrl != null ? resolvedLoginUrl : PodHosts.resolve(loginUrl);
            if (username == null || username.isBlank()) {
                throw new InvalidSettingException(InvalidSettingException.Reason.MISSING_USERNAME,
                        "user name is missing", "set it with credentials(username, password)");
            }
            if (password != null && password.length == 0) {
                throw new InvalidSettingException(InvalidSettingException.Reason.EMPTY_PASSWORD, "password is empty",
                        "give the IICS password of " + username);
            }
            Objects.requireNonNull(authVersion, "auth");
            requirePositive(connectTimeout, "connect timeout");
            requirePositive(readTimeout, "read timeout");
            requirePositive(reconcileWindow, "reconcile window");
            requirePositive(sessionIdleTimeout, "session idle timeout");
            Objects.requireNonNull(retryPolicy, "retryPolicy");
            Objects.requireNonNull(pollPolicy, "pollPolicy");
            Objects.requireNonNull(sessionStore, "sessionStore");
            if ("http".equalsIgnoreCase(url.getScheme()) && !PlainHttp.maySendSecrets(url, allowInsecureHttp)) {
                throw new InvalidSettingException(InvalidSettingException.Reason.PLAIN_HTTP,
                        "refusing to send the password over plain http to " + url.getHost(),
                        "use an https:// login URL (or allowInsecureHttp(true) if you really mean it)");
            }
            if (caFile != null && !Files.isReadable(caFile)) {
                throw new InvalidSettingException(InvalidSettingException.Reason.UNREADABLE_CA_FILE,
                        "CA file " + caFile + " cannot be read", "give a readable PEM file");
            }
            String agent = userAgent == null || userAgent.isBlank() ? "iicsctl/" + version() : userAgent;
            Credentials creds = password == null ? null : new Credentials(username, password);
            ClientConfig config = new ClientConfig(url, username, creds, authVersion, connectTimeout, readTimeout,
                    parseProxy(proxy), caFile, agent, allowInsecureHttp, retryPolicy, pollPolicy, reconcileWindow,
                    sessionIdleTimeout, sessionStore, traceListener, identityProviderLogin, traceFile, time,
                    answerLimits, sharedMonitorFolder);
            return new IicsClient(config);
        }

        private static void requirePositive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new InvalidSettingException(InvalidSettingException.Reason.NOT_POSITIVE,
                        what + " must be a positive duration, got " + d, null);
            }
        }

        private static InetSocketAddress parseProxy(String proxy) {
            if (proxy == null || proxy.isBlank()) {
                return null;
            }
            String p = proxy.trim();
            String hostPort = p.contains("://") ? URI.create(p).getAuthority() : p;
            if (hostPort != null && hostPort.contains("@")) {
                throw new InvalidSettingException(InvalidSettingException.Reason.BAD_PROXY,
                        "proxy '" + redactUserInfo(p) + "'", "proxy credentials are not supported; give host:port");
            }
            int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
            if (colon <= 0 || colon == hostPort.length() - 1) {
                throw new InvalidSettingException(InvalidSettingException.Reason.BAD_PROXY,
                        "proxy '" + p + "' must be host:port or http://host:port", null);
            }
            try {
                int port = Integer.parseInt(hostPort.substring(colon + 1));
                return InetSocketAddress.createUnresolved(hostPort.substring(0, colon), port);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(InvalidSettingException.Reason.BAD_PROXY,
                        "proxy '" + p + "' has a bad port", "use host:port");
            }
        }

        private static String redactUserInfo(String p) {
            // user:password@host, with or without a scheme: everything up to the last '@' of the authority goes.
            return p.replaceAll("^([a-zA-Z][a-zA-Z0-9+.-]*://)?[^/]*@", "$1***@");
        }
    }
}
