package dev.iicsctl.cli.command;

import dev.iicsctl.cli.config.SettingsResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where and as whom to connect. Each option also has an environment variable and a profile key; precedence is
 * flag &gt; environment &gt; profile &gt; default. There is deliberately no {@code --password}: a password on a
 * command line is visible to every user of the machine.
 */
public final class ConnectionOptions {

    @Option(names = "--login-url", paramLabel = "URL",
            description = "Login URL or pod host short name such as dm-us (env IICS_LOGIN_URL, profile login-url).")
    String loginUrl;

    @Option(names = "--username", paramLabel = "USER", description = "User name (env IICS_USERNAME).")
    String username;

    @Option(names = "--password-stdin",
            description = "Read the password from the first line of stdin (else IICS_PASSWORD, or the profile's "
                    + "password-env, password-command or password).")
    boolean passwordStdin;

    @Option(names = "--auth", paramLabel = "v2|v3|oauth|saml",
            description = "Login API (env IICS_AUTH; default v2); oauth or saml log in with a token or SAML response "
                    + "printed by IICS_TOKEN_COMMAND (profile token-command) for org IICS_ORG_ID (profile org-id).")
    String auth;

    @Option(names = "--profile", paramLabel = "NAME", description = "Profile of the config file (env IICSCTL_PROFILE).")
    String profile;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file (env IICSCTL_CONFIG; default: iicsctl/config.yaml in $XDG_CONFIG_HOME, else "
                    + "in $HOME/.config).")
    Path config;

    @Option(names = "--proxy", paramLabel = "HOST:PORT", description = "HTTPS proxy (env HTTPS_PROXY).")
    String proxy;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Extra CA certificates (env IICS_CA_FILE).")
    Path caFile;

    @Option(names = "--allow-insecure-http",
            description = "Allow the password over plain http:// to a host other than the loopback (env "
                    + "IICS_ALLOW_INSECURE_HTTP=true, profile allow-insecure-http: true). Only for a trusted network.")
    boolean allowInsecureHttp;

    @Option(names = "--read-timeout", paramLabel = "DURATION", converter = PositiveDurationConverter.class,
            description = "How long one attempt may wait for a whole answer of IICS, body included (env "
                    + "IICS_READ_TIMEOUT; default 2m).")
    Duration readTimeout;

    @Option(names = "--trace-file", paramLabel = "FILE",
            description = "Write every HTTP exchange of this command to FILE as a HAR file, secrets replaced by "
                    + "placeholders, to attach to a bug report (env IICS_TRACE_FILE, profile trace-file).")
    Path traceFile;

    @Option(names = "--no-session-cache",
            description = "Do not read or write the session cache; log out at exit.")
    boolean noSessionCache;

    /** The flags as given, for the settings resolver. */
    public SettingsResolver.Flags flags() {
        return new SettingsResolver.Flags(Optional.ofNullable(loginUrl), Optional.ofNullable(username),
                passwordStdin, Optional.ofNullable(auth), Optional.ofNullable(profile), Optional.ofNullable(config),
                Optional.ofNullable(proxy), Optional.ofNullable(caFile), allowInsecureHttp,
                Optional.ofNullable(readTimeout), Optional.ofNullable(traceFile));
    }

    public boolean sessionCache() {
        return !noSessionCache;
    }
}
