package dev.iicsctl.emulator.catalog;

import java.util.Map;

/**
 * The org's identity provider, for {@code loginOAuth} and {@code loginSaml}. IICS accepts an IdP-issued JWT
 * whose issuer is the registered IdP and whose subject is a user of the org; the emulator checks the claims
 * (it cannot check signatures it holds no key for) and, as IICS does, takes each token or SAML response once.
 * {@link #toString()} leaves the literal tokens out: they are credentials.
 *
 * @param issuer        the {@code iss} a token must carry, and the {@code Issuer} of a SAML response
 * @param audience      the {@code aud} a token must carry, or {@code null} for any
 * @param tokens        literal tokens accepted (once each), to the user names they log in
 * @param samlResponses literal base64 SAML responses accepted (once each), to the user names they log in
 */
public record CatalogIdentityProvider(String issuer, String audience, Map<String, String> tokens,
                                      Map<String, String> samlResponses) {
    public CatalogIdentityProvider {
        tokens = Map.copyOf(tokens);
        samlResponses = Map.copyOf(samlResponses);
    }

    @Override
    public String toString() {
        return "CatalogIdentityProvider[issuer=" + issuer + ", audience=" + audience + ", " + tokens.size()
                + " tokens, " + samlResponses.size() + " SAML responses]";
    }
}
