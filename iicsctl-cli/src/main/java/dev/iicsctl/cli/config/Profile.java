package dev.iicsctl.cli.config;

import java.util.Optional;

/**
 * One profile of the config file: connection settings under a name. Every field is optional.
 *
 * @param name the profile's name in the file
 * @param loginUrl {@code login-url}: a URL or a pod host short name such as {@code dm-us}
 * @param username {@code username}
 * @param passwordEnv {@code password-env}: the name of a variable that holds the password
 * @param passwordCommand {@code password-command}: a shell command whose first output line is the password
 * @param password {@code password}: a plaintext password, allowed only in a file of mode 0600 or stricter
 * @param auth {@code auth}: {@code v2} or {@code v3}
 * @param proxy {@code proxy}: an HTTPS proxy URL
 * @param caFile {@code ca-file}: extra CA certificates (PEM)
 * @param allowInsecureHttp {@code allow-insecure-http}: {@code true} lets the password go over plain http to a
 *     host other than the loopback
 * @param tokenCommand {@code token-command}: with {@code auth: oauth} or {@code saml}, a shell command whose first
 *     output line is a fresh token (or SAML response) from the org's identity provider
 * @param orgId {@code org-id}: the IICS organization id, for token and SAML logins
 * @param traceFile {@code trace-file}: where to write a HAR trace of every command run with the profile
 */
public record Profile(
        String name,
        Optional<String> loginUrl,
        Optional<String> username,
        Optional<String> passwordEnv,
        Optional<String> passwordCommand,
        Optional<String> password,
        Optional<String> auth,
        Optional<String> proxy,
        Optional<String> caFile,
        Optional<String> allowInsecureHttp,
        Optional<String> tokenCommand,
        Optional<String> orgId,
        Optional<String> traceFile) {

    /** A profile with no settings, used when there is no config file. */
    public static Profile empty(String name) {
        return new Profile(name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        // Never print the plaintext password.
        return "Profile[" + name + "]";
    }
}
