package dev.iicsctl.client;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The documented IICS login hosts, so that a login URL can be given as a short name such as {@code dm-us}.
 */
public final class PodHosts {

    /** The short names accepted in place of a login URL, in the order of the IICS documentation. */
    public static final List<String> SHORT_NAMES = List.of("dm-us", "dm1-us", "dm2-us", "dm-na", "dm-ap",
            "dm1-apse", "dm1-ap", "dm-apne", "dm1-apau", "dm-em", "dm1-em", "dm-uk");

    private PodHosts() {
    }

    /**
     * Turns a login URL or a short name into a login URL.
     *
     * @param urlOrShortName {@code https://dm-us.informaticacloud.com}, {@code http://127.0.0.1:8080} or {@code dm-us}
     * @return the login URL without a trailing slash
     * @throws IllegalArgumentException when the value is neither a URL nor a known short name; the message
     *     lists the valid short names
     */
    public static URI resolve(String urlOrShortName) {
        if (urlOrShortName == null || urlOrShortName.isBlank()) {
            throw new IllegalArgumentException("login URL is missing: give a URL such as "
                    + "https://dm-us.informaticacloud.com or a pod short name (" + String.join(", ", SHORT_NAMES) + ")");
        }
        String value = urlOrShortName.trim();
        if (value.contains("://")) {
            URI uri;
            try {
                uri = URI.create(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("login URL '" + value + "' is not a valid URL: use e.g. "
                        + "https://dm-us.informaticacloud.com", e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("login URL '" + value + "' must be an http(s) URL with a host, "
                        + "e.g. https://dm-us.informaticacloud.com");
            }
            String text = uri.toString();
            return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }
        String name = value.toLowerCase(Locale.ROOT);
        if (name.endsWith(".informaticacloud.com")) {
            name = name.substring(0, name.length() - ".informaticacloud.com".length());
        }
        if (SHORT_NAMES.contains(name)) {
            return URI.create("https://" + name + ".informaticacloud.com");
        }
        throw new IllegalArgumentException("unknown pod short name '" + value + "': use a full login URL or one of "
                + String.join(", ", SHORT_NAMES));
    }
}
