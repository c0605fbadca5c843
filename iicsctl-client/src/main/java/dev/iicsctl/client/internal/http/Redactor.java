package dev.iicsctl.client.internal.http;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text meant for traces, logs and exception messages: session headers, JSON fields
 * holding passwords or session ids, and every session id this client has seen, wherever it appears.
 */
public final class Redactor {

    /** Replacement for every secret. */
    public static final String MASK = "***";

    private static final Set<String> SECRET_HEADERS = Set.of("icsessionid", "infa-session-id", "ids-session-id",
            "authorization", "proxy-authorization", "cookie", "set-cookie");

    private static final Pattern SECRET_FIELDS = Pattern.compile(
            "(\"(?:password|icSessionId|sessionId|icToken|securityAnswer|samlToken|oauthToken|sfSessionId)\"\\s*:\\s*)"
                    + "(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\s]+)",
            Pattern.CASE_INSENSITIVE);

    private final Set<String> knownSecrets = new CopyOnWriteArraySet<>();

    /**
     * Remembers a secret (a session id) so that it is masked wherever it appears later.
     *
     * @param secret the secret; ignored when null or shorter than 4 characters
     */
    public void remember(String secret) {
        if (secret != null && secret.length() >= 4) {
            knownSecrets.add(secret);
        }
    }

    /** @return every secret remembered so far (for the trace file's placeholders) */
    Set<String> secrets() {
        return Set.copyOf(knownSecrets);
    }

    /**
     * @param name a header name
     * @return whether its value is secret
     */
    public boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * @param text any text, e.g. a JSON body or an error description
     * @return the text with secret fields and known secrets masked
     */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = SECRET_FIELDS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
        for (String secret : knownSecrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
