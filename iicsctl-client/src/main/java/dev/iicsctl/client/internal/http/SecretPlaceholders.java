package dev.iicsctl.client.internal.http;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stable placeholders for the secrets of a trace file: each distinct secret gets one name for the whole file,
 * by what it first appeared as ({@code redacted-password-1}, {@code redacted-session-1}, {@code redacted-token-1},
 * {@code redacted-secret-1} for one first seen elsewhere), so a reader still sees which calls shared a session,
 * and no secret is left: session headers, authorization and cookie headers, the secret fields of bodies, and
 * every session id or token the client has seen, wherever it appears.
 */
final class SecretPlaceholders {
    private static final Set<String> SESSION_HEADERS = Set.of("icsessionid", "infa-session-id", "ids-session-id");
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");
    private static final Pattern SECRET_FIELDS = Pattern.compile(
            "(\"(password|securityAnswer|icSessionId|sessionId|icToken|samlToken|oauthToken|sfSessionId)\"\\s*:\\s*\")"
                    + "((?:[^\"\\\\]|\\\\.)*)\"",
            Pattern.CASE_INSENSITIVE);

    private final List<String> known;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    /** @param known the secrets the client has seen (session ids, tokens) */
    SecretPlaceholders(Set<String> known) {
        // Longest first, so a secret that contains another is replaced whole.
        this.known = known.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    String header(String name, String value) {
        String n = name.toLowerCase(Locale.ROOT);
        if (SESSION_HEADERS.contains(n)) {
            return name(value, "session");
        }
        if (CREDENTIAL_HEADERS.contains(n)) {
            return "redacted-" + (n.contains("cookie") ? "cookie" : "credential");
        }
        return text(value);
    }

    String body(String body) {
        Matcher m = SECRET_FIELDS.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String field = m.group(2).toLowerCase(Locale.ROOT);
            String kind = field.equals("password") || field.equals("securityanswer") ? "password"
                    : field.endsWith("token") && !field.equals("ictoken") || field.equals("sfsessionid") ? "token"
                    : "session";
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + name(m.group(3), kind) + "\""));
        }
        m.appendTail(out);
        return text(out.toString());
    }

    String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : known) {
            if (out.contains(secret)) {
                out = out.replace(secret, name(secret, "secret"));
            }
        }
        return out;
    }

    private String name(String secret, String kind) {
        if (secret.isEmpty()) {
            return secret;
        }
        return names.computeIfAbsent(secret, s -> "redacted-" + kind + "-" + counts.merge(kind, 1, Integer::sum));
    }
}
