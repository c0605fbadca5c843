package dev.iicsctl.client.auth;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A login with a credential from the org's identity provider instead of a password, for orgs set up for SAML
 * single sign-on: {@code loginOAuth} takes a JWT the IdP issued ({@link #oauth}), {@code loginSaml} a base64
 * SAML response ({@link #saml}). IICS takes each token for one login only, so the source is asked for a fresh
 * one at every login (the first, and each renewal). Tokens are secrets: they are masked in traces and messages,
 * and {@link #toString()} shows none.
 */
public final class IdentityProviderLogin {
    /** Which v2 login resource. */
    public enum Kind {
        /** {@code POST /ma/api/v2/user/loginOAuth} with {@code oauthToken} and {@code orgId}. */
        OAUTH,
        /** {@code POST /ma/api/v2/user/loginSaml} with {@code samlToken} and {@code orgId}. */
        SAML;

        /** @return {@code oauth} or {@code saml} */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final String orgId;
    private final Supplier<char[]> source;

    private IdentityProviderLogin(Kind kind, String orgId, Supplier<char[]> source) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.orgId = Objects.requireNonNull(orgId, "orgId");
        this.source = Objects.requireNonNull(source, "source");
        if (orgId.isBlank()) {
            throw new IllegalArgumentException("the org id is missing: give the id of the IICS organization");
        }
    }

    /**
     * @param orgId  the IICS organization id
     * @param tokens gives a fresh IdP-issued JWT at each call (for example by running the IdP's CLI)
     * @return a {@code loginOAuth} login
     */
    public static IdentityProviderLogin oauth(String orgId, Supplier<char[]> tokens) {
        return new IdentityProviderLogin(Kind.OAUTH, orgId, tokens);
    }

    /**
     * @param orgId         the IICS organization id
     * @param samlResponses gives a fresh base64 SAML response at each call
     * @return a {@code loginSaml} login
     */
    public static IdentityProviderLogin saml(String orgId, Supplier<char[]> samlResponses) {
        return new IdentityProviderLogin(Kind.SAML, orgId, samlResponses);
    }

    /** @return the kind of login */
    public Kind kind() {
        return kind;
    }

    /** @return the organization id */
    public String orgId() {
        return orgId;
    }

    /**
     * @return a fresh token or SAML response (the caller wipes it)
     * @throws IllegalStateException when the source gives nothing
     */
    public char[] next() {
        char[] token = source.get();
        if (token == null || token.length == 0) {
            throw new IllegalStateException("the " + kind.word() + " token source gave no token");
        }
        return token;
    }

    @Override
    public String toString() {
        return "IdentityProviderLogin[" + kind.word() + ", orgId=" + orgId + "]";
    }
}
