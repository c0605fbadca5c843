package dev.iicsctl.cli.config;

import dev.iicsctl.client.auth.AuthVersion;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The connection settings after applying precedence (flag &gt; environment &gt; profile &gt; default).
 *
 * @param loginUrl the login host
 * @param username the user
 * @param password where the password comes from (read only when a login is needed)
 * @param auth the login API
 * @param proxy an HTTPS proxy, if any
 * @param caFile extra CA certificates (PEM), if any
 * @param profile the profile used, for messages
 * @param allowInsecureHttp whether the password may go over plain http to a host other than the loopback
 * @param readTimeout how long to wait for each answer, if not the client's default
 */
public record ConnectionSettings(
        URI loginUrl,
        String username,
        PasswordSource password,
        AuthVersion auth,
        Optional<String> proxy,
        Optional<Path> caFile,
        String profile,
        boolean allowInsecureHttp,
        Optional<Duration> readTimeout) {}
