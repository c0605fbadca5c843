package dev.iicsctl.cli.config;

import dev.iicsctl.cli.CliEnvironment;
import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.time.PositiveDuration;
import dev.iicsctl.client.PodHosts;
import dev.iicsctl.client.auth.AuthVersion;
import dev.iicsctl.client.auth.IdentityProviderLogin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Applies the documented precedence, flag &gt; environment variable &gt; profile &gt; default, to every connection
 * setting (product contract, section 2.1).
 */
public final class SettingsResolver {

    /** The connection flags as given on the command line; empty when not given. */
    public record Flags(
            Optional<String> loginUrl,
            Optional<String> username,
            boolean passwordStdin,
            Optional<String> auth,
            Optional<String> profile,
            Optional<Path> config,
            Optional<String> proxy,
            Optional<Path> caFile,
            boolean allowInsecureHttp,
            Optional<Duration> readTimeout,
            Optional<Path> traceFile) {

        /** The flags without {@code --trace-file}. */
        public Flags(Optional<String> loginUrl, Optional<String> username, boolean passwordStdin, Optional<String> auth,
                Optional<String> profile, Optional<Path> config, Optional<String> proxy, Optional<Path> caFile,
                boolean allowInsecureHttp, Optional<Duration> readTimeout) {
            this(loginUrl, username, passwordStdin, auth, profile, config, proxy, caFile, allowInsecureHttp, readTimeout,
                    Optional.empty());
        }

        /** The flags without {@code --allow-insecure-http} and {@code --read-timeout}. */
        public Flags(Optional<String> loginUrl, Optional<String> username, boolean passwordStdin, Optional<String> auth,
                Optional<String> profile, Optional<Path> config, Optional<String> proxy, Optional<Path> caFile) {
            this(loginUrl, username, passwordStdin, auth, profile, config, proxy, caFile, false, Optional.empty());
        }

        /** No flags at all. */
        public static Flags none() {
            return new Flags(Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private final CliEnvironment env;

    public SettingsResolver(CliEnvironment env) {
        this.env = env;
    }

    /** The config file named by {@code --config} or {@code IICSCTL_CONFIG}, else the default location. */
    public ConfigFile configFile(Flags flags) {
        Optional<Path> named = flags.config().or(() -> env.get("IICSCTL_CONFIG").map(Path::of));
        Path path = named.orElse(env.configHome().resolve("iicsctl").resolve("config.yaml"));
        return ConfigFile.load(path, named.isPresent());
    }

    /**
     * Resolves every setting.
     *
     * @throws CliException (exit 2) when a setting is missing or invalid, naming the ways to set it
     */
    public ConnectionSettings resolve(Flags flags) {
        ConfigFile config = configFile(flags);
        Profile profile = config.select(flags.profile().or(() -> env.get("IICSCTL_PROFILE")));

        String loginUrl = pick(flags.loginUrl(), "IICS_LOGIN_URL", profile, Profile::loginUrl).orElseThrow(() ->
                CliException.usage("no login URL: pass --login-url, set IICS_LOGIN_URL, or set login-url in a "
                        + "profile of " + config.path()));
        String username = pick(flags.username(), "IICS_USERNAME", profile, Profile::username).orElseThrow(() ->
                CliException.usage("no user name: pass --username, set IICS_USERNAME, or set username in a "
                        + "profile of " + config.path()));
        String authText = pick(flags.auth(), "IICS_AUTH", profile, Profile::auth).orElse("v2");
        Optional<ConnectionSettings.TokenLogin> tokenLogin = tokenLogin(authText, profile, config);
        AuthVersion auth = tokenLogin.isPresent() ? AuthVersion.V2 : usage(() -> AuthVersion.parse(authText),
                "", " (or oauth / saml for a login with the org's identity provider)");
        Optional<String> proxy = pick(flags.proxy(), "HTTPS_PROXY", profile, Profile::proxy);
        Optional<Path> caFile = flags.caFile()
                .or(() -> env.get("IICS_CA_FILE").map(Path::of))
                .or(() -> profile.caFile().map(Path::of));
        boolean allowInsecureHttp = flags.allowInsecureHttp()
                || yes(env.get("IICS_ALLOW_INSECURE_HTTP"), "IICS_ALLOW_INSECURE_HTTP")
                || yes(profile.allowInsecureHttp(), "allow-insecure-http in profile '" + profile.name() + "' of "
                        + config.path());
        Optional<Duration> readTimeout = flags.readTimeout();
        if (readTimeout.isEmpty() && env.get("IICS_READ_TIMEOUT").isPresent()) {
            String value = env.get("IICS_READ_TIMEOUT").get();
            readTimeout = Optional.of(usage(() -> PositiveDuration.parse(value), "IICS_READ_TIMEOUT: "));
        }
        Optional<Path> traceFile = flags.traceFile()
                .or(() -> env.get("IICS_TRACE_FILE").map(Path::of))
                .or(() -> profile.traceFile().map(Path::of));
        return new ConnectionSettings(usage(() -> PodHosts.resolve(loginUrl)), username, password(flags, config, profile,
                username), auth, proxy, caFile, profile.name(), allowInsecureHttp, readTimeout, tokenLogin, traceFile);
    }

    /**
     * {@code --auth oauth|saml}: a login with a credential from the org's identity provider, printed by a command
     * (profile {@code token-command} or {@code IICS_TOKEN_COMMAND}) for the org {@code org-id} / {@code IICS_ORG_ID}.
     * Never from an argument: a token on a command line is visible to every user of the machine.
     */
    private Optional<ConnectionSettings.TokenLogin> tokenLogin(String auth, Profile profile, ConfigFile config) {
        String a = auth.trim().toLowerCase(java.util.Locale.ROOT);
        if (!a.equals("oauth") && !a.equals("saml")) {
            return Optional.empty();
        }
        IdentityProviderLogin.Kind kind = a.equals("oauth") ? IdentityProviderLogin.Kind.OAUTH
                : IdentityProviderLogin.Kind.SAML;
        Optional<String> fromProfile = profile.tokenCommand();
        String command = env.get("IICS_TOKEN_COMMAND").or(() -> fromProfile).orElseThrow(() -> CliException.usage(
                "--auth " + a + " needs a command that prints a fresh " + (a.equals("oauth") ? "token" : "SAML response")
                        + " from your identity provider: set IICS_TOKEN_COMMAND, or token-command in a profile of "
                        + config.path()));
        String orgId = env.get("IICS_ORG_ID").or(profile::orgId).orElseThrow(() -> CliException.usage(
                "--auth " + a + " needs the id of your IICS organization: set IICS_ORG_ID, or org-id in a profile of "
                        + config.path()));
        String owner = env.get("IICS_TOKEN_COMMAND").isPresent() ? null : profile.name();
        String setting = owner == null ? "IICS_TOKEN_COMMAND" : "token-command";
        return Optional.of(new ConnectionSettings.TokenLogin(kind, orgId.trim(),
                new PasswordSource.Command(command, owner, setting)));
    }

    /** A yes/no setting: {@code true} or {@code false} (any case); anything else is a usage error naming it. */
    private static boolean yes(Optional<String> value, String where) {
        if (value.isEmpty()) {
            return false;
        }
        String v = value.get().trim();
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw CliException.usage("invalid value '" + v + "' for " + where + ": use true or false");
    }

    private PasswordSource password(Flags flags, ConfigFile config, Profile profile, String username) {
        if (flags.passwordStdin()) {
            return new PasswordSource.Stdin();
        }
        if (env.get("IICS_PASSWORD").isPresent()) {
            return new PasswordSource.Variable("IICS_PASSWORD", "environment");
        }
        if (profile.passwordEnv().isPresent()) {
            return new PasswordSource.Variable(profile.passwordEnv().get(),
                    "password-env of profile '" + profile.name() + "'");
        }
        if (profile.passwordCommand().isPresent()) {
            return new PasswordSource.Command(profile.passwordCommand().get(), profile.name());
        }
        if (profile.password().isPresent()) {
            return new PasswordSource.Plain(profile.password().get(), config.path(), config.ownerOnly(),
                    profile.name());
        }
        return new PasswordSource.None(username);
    }

    private Optional<String> pick(Optional<String> flag, String variable, Profile profile,
            Function<Profile, Optional<String>> key) {
        return flag.or(() -> env.get(variable)).or(() -> key.apply(profile));
    }

    /** Runs a client-side check, turning its {@link IllegalArgumentException} into a usage error. */
    private static <T> T usage(Supplier<T> check) {
        return usage(check, "");
    }

    /** As {@link #usage(Supplier)}, the message after {@code prefix} (which names the setting). */
    private static <T> T usage(Supplier<T> check, String prefix) {
        return usage(check, prefix, "");
    }

    /** As {@link #usage(Supplier, String)}, with {@code suffix} after the message. */
    private static <T> T usage(Supplier<T> check, String prefix, String suffix) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw CliException.usage(prefix + e.getMessage() + suffix);
        }
    }
}
