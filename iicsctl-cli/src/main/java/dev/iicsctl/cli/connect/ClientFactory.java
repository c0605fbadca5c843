package dev.iicsctl.cli.connect;

import dev.iicsctl.cli.CliEnvironment;
import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.config.ConnectionSettings;
import dev.iicsctl.cli.config.PasswordSource;
import dev.iicsctl.cli.config.SettingsResolver;
import dev.iicsctl.cli.session.FileSessionStore;
import dev.iicsctl.cli.session.IdleLimit;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.InvalidSettingException;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.auth.IdentityProviderLogin;
import dev.iicsctl.client.auth.SessionStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@link IicsClient} a command uses from the resolved connection settings: the session cache as its
 * session store, the password read only if it can be, and the redacted HTTP trace on stderr with
 * {@code --verbose}.
 */
public final class ClientFactory {
    private final CliEnvironment env;
    private final PrintWriter err;
    private final boolean verbose;

    public ClientFactory(CliEnvironment env, PrintWriter err, boolean verbose) {
        this.env = env;
        this.err = err;
        this.verbose = verbose;
    }

    /** The session cache directory: {@code ${XDG_CACHE_HOME:-~/.cache}/iicsctl/sessions}. */
    public FileSessionStore sessionCache() {
        return new FileSessionStore(env.cacheHome().resolve("iicsctl").resolve("sessions"), this::warn);
    }

    /**
     * Where the processes of this host share activity monitor snapshots, next to the session cache:
     * {@code ${XDG_CACHE_HOME:-~/.cache}/iicsctl/monitor}; none when {@code IICSCTL_SHARED_MONITOR=off}.
     */
    private Optional<Path> sharedMonitorFolder() {
        String setting = env.get("IICSCTL_SHARED_MONITOR").orElse("on").trim().toLowerCase(java.util.Locale.ROOT);
        if (List.of("off", "0", "false", "no").contains(setting)) {
            return Optional.empty();
        }
        return Optional.of(env.cacheHome().resolve("iicsctl").resolve("monitor"));
    }

    /** A warning on its own stderr line: the cache only saves logins, so its problems never change the exit code. */
    private void warn(String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }

    /** Resolves the settings (flag &gt; environment &gt; profile &gt; default). */
    public ConnectionSettings settings(SettingsResolver.Flags flags) {
        return new SettingsResolver(env).resolve(flags);
    }

    /**
     * A connection for the given flags: settings resolved, client built.
     *
     * @param useCache whether to read and write the session cache (else log out at close)
     * @param poll the poll policy for waits, if not the adaptive default
     */
    public Connection connect(SettingsResolver.Flags flags, boolean useCache, Optional<PollPolicy> poll) {
        ConnectionSettings settings = settings(flags);
        return new Connection(client(settings, useCache, poll), settings, !useCache, err);
    }

    /**
     * A client for the settings.
     *
     * @param useCache whether to read and write the session cache
     * @param poll the poll policy for waits, if not the adaptive default
     */
    public IicsClient client(ConnectionSettings settings, boolean useCache, Optional<PollPolicy> poll) {
        SessionStore store = useCache ? sessionCache() : SessionStore.none();
        IicsClient.Builder builder = IicsClient.builder()
                .loginUrl(settings.loginUrl())
                .auth(settings.auth())
                .sessionStore(store)
                .userAgent("iicsctl/" + dev.iicsctl.cli.Iicsctl.version());
        settings.proxy().ifPresent(builder::proxy);
        settings.caFile().ifPresent(builder::caFile);
        builder.allowInsecureHttp(settings.allowInsecureHttp());
        settings.readTimeout().ifPresent(builder::readTimeout);
        poll.ifPresent(builder::pollPolicy);
        if (useCache) {
            sharedMonitorFolder().ifPresent(builder::sharedMonitorSnapshots);
        }
        if (verbose) {
            builder.traceListener(line -> {
                synchronized (err) {
                    err.println(line);
                    err.flush();
                }
            });
        }
        settings.traceFile().ifPresent(builder::traceFile);
        if (settings.tokenLogin().isPresent()) {
            ConnectionSettings.TokenLogin token = settings.tokenLogin().get();
            // A fresh credential at every login: IICS takes each token once.
            java.util.function.Supplier<char[]> fresh = () -> token.command().read(env).toCharArray();
            builder.username(settings.username()).identityProviderLogin(
                    token.kind() == IdentityProviderLogin.Kind.OAUTH ? IdentityProviderLogin.oauth(token.orgId(), fresh)
                            : IdentityProviderLogin.saml(token.orgId(), fresh));
        } else {
            builder.credentials(settings.username(), password(settings, store));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            // The library names its builder method; a command line user needs the flag.
            throw CliException.usage(e instanceof InvalidSettingException refused
                    && refused.reason() == InvalidSettingException.Reason.PLAIN_HTTP
                    ? refused.problem() + ": use an https:// login URL (or --allow-insecure-http if you really mean it)"
                    : e.getMessage());
        }
    }

    /**
     * The password, or null when it cannot be read but a cached session may do without it (a login, if one is
     * needed after all, then fails with a clear message).
     */
    private char[] password(ConnectionSettings settings, SessionStore store) {
        // A person is asked only when no cached session is likely to do.
        if (settings.password().asks(env) && store.load(settings.loginUrl(), settings.username())
                .filter(IdleLimit::probablyAlive).isPresent()) {
            return null;
        }
        try {
            return settings.password().read(env).toCharArray();
        } catch (CliException e) {
            boolean cached = !(settings.password() instanceof PasswordSource.Plain)
                    && store.load(settings.loginUrl(), settings.username()).isPresent();
            if (cached) {
                return null;
            }
            throw e;
        }
    }
}
