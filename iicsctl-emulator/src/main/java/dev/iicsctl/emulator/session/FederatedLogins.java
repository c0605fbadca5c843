package dev.iicsctl.emulator.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iicsctl.emulator.catalog.Catalog;
import dev.iicsctl.emulator.catalog.CatalogIdentityProvider;
import dev.iicsctl.emulator.catalog.CatalogUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Token and SAML logins ({@code loginOAuth}, {@code loginSaml}) for an org with an identity provider. A token is
 * accepted when the catalog lists it, or when it is a JWT whose {@code iss} is the IdP, whose {@code sub} is a
 * user of the org, whose {@code aud} matches (when the catalog sets one) and whose {@code exp}/{@code nbf}
 * hold. A SAML response is accepted when listed, or when its {@code Issuer} is the IdP and its {@code NameID}
 * a user. Each is taken once, as IICS documents for tokens; only digests of used ones are kept.
 */
public final class FederatedLogins {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SAML_ISSUER = Pattern.compile("<(?:\\w+:)?Issuer[^>]*>\\s*([^<]+?)\\s*</(?:\\w+:)?Issuer>");
    private static final Pattern SAML_NAME_ID = Pattern.compile("<(?:\\w+:)?NameID[^>]*>\\s*([^<]+?)\\s*</(?:\\w+:)?NameID>");

    private final Catalog catalog;
    private final Clock clock;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    public FederatedLogins(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** @return whether the org has an identity provider at all */
    public boolean configured() {
        return catalog.identityProvider().isPresent();
    }

    /**
     * @param token an IdP-issued token
     * @return the user it logs in, once; empty when it is not valid or was used before
     */
    public Optional<CatalogUser> oauth(String token) {
        return once("oauth", token, CatalogIdentityProvider::tokens, this::fromJwt);
    }

    /**
     * @param samlResponse a base64 SAML response
     * @return the user it logs in, once; empty when it is not valid or was used before
     */
    public Optional<CatalogUser> saml(String samlResponse) {
        return once("saml", samlResponse, CatalogIdentityProvider::samlResponses, this::fromSaml);
    }

    /** A credential the catalog lists, or else one the IdP's rules accept; taken at most once. */
    private Optional<CatalogUser> once(String kind, String credential,
            Function<CatalogIdentityProvider, Map<String, String>> listed,
            BiFunction<CatalogIdentityProvider, String, Optional<CatalogUser>> rules) {
        Optional<CatalogIdentityProvider> idp = catalog.identityProvider();
        if (idp.isEmpty() || credential == null || credential.isBlank()) {
            return Optional.empty();
        }
        String user = listed.apply(idp.get()).get(credential);
        Optional<CatalogUser> found = user != null ? catalog.user(user) : rules.apply(idp.get(), credential);
        return found.filter(u -> used.add(kind + ":" + digest(credential)));
    }

    private Optional<CatalogUser> fromJwt(CatalogIdentityProvider idp, String token) {
        String[] parts = token.trim().split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        JsonNode claims;
        try {
            claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (Exception e) {
            return Optional.empty();
        }
        if (claims == null || !claims.isObject() || !idp.issuer().equals(claims.path("iss").asText())) {
            return Optional.empty();
        }
        if (idp.audience() != null && !audienceMatches(claims.get("aud"), idp.audience())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.canConvertToLong() || !now.isBefore(Instant.ofEpochSecond(exp.asLong()))) {
            return Optional.empty();
        }
        JsonNode nbf = claims.get("nbf");
        if (nbf != null && nbf.canConvertToLong() && now.isBefore(Instant.ofEpochSecond(nbf.asLong()))) {
            return Optional.empty();
        }
        return catalog.user(claims.path("sub").asText(null));
    }

    private static boolean audienceMatches(JsonNode aud, String expected) {
        if (aud == null) {
            return false;
        }
        if (aud.isArray()) {
            for (JsonNode a : aud) {
                if (expected.equals(a.asText())) {
                    return true;
                }
            }
            return false;
        }
        return expected.equals(aud.asText());
    }

    private Optional<CatalogUser> fromSaml(CatalogIdentityProvider idp, String samlResponse) {
        String xml;
        try {
            xml = new String(Base64.getMimeDecoder().decode(samlResponse.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Matcher issuer = SAML_ISSUER.matcher(xml);
        Matcher nameId = SAML_NAME_ID.matcher(xml);
        if (!issuer.find() || !idp.issuer().equals(issuer.group(1)) || !nameId.find()) {
            return Optional.empty();
        }
        return catalog.user(nameId.group(1));
    }

    private static String digest(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
