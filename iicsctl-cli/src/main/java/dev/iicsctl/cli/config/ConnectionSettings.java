package dev.iicsctl.cli.config;

import dev.iicsctl.client.auth.AuthVersion;
import dev.iicsctl.client.auth.IdentityProviderLogin;
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
 * @param tokenLogin a login with the org's identity provider instead of the password, if {@code --auth} says so
 * @param traceFile where to write the HAR trace of the command, if asked
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
        Optional<Duration> readTimeout,
        Optional<TokenLogin> tokenLogin,
        Optional<Path> traceFile) {

    /**
     * A token or SAML login ({@code --auth oauth|saml}).
     *
     * @param kind    which login resource
     * @param orgId   the organization id
     * @param command prints a fresh token (or SAML response) on its first line at each login
     */
    public record TokenLogin(IdentityProviderLogin.Kind kind, String orgId, PasswordSource.Command command) {}
}
