package dev.iicsctl.cli.config;

import dev.iicsctl.cli.CliException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** The documented IICS login hosts, so that a profile may say {@code dm-us} instead of a full URL. */
public final class PodHosts {
    /** Short names of the documented login hosts (iics-rest-api.md 1.1). */
    public static final List<String> SHORT_NAMES = List.of(
            "dm-us", "dm1-us", "dm2-us", "dm-na", "dm-ap", "dm1-apse", "dm1-ap", "dm-apne", "dm1-apau", "dm-em",
            "dm1-em", "dm-uk");

    private PodHosts() {}

    /**
     * Turns a login URL setting into a URL: a short name becomes {@code https://NAME.informaticacloud.com}; a URL is
     * checked and kept.
     *
     * @throws CliException (exit 2) for anything else, listing the valid forms
     */
    public static URI loginUrl(String value) {
        String text = value.trim();
        if (SHORT_NAMES.contains(text)) {
            return URI.create("https://" + text + ".informaticacloud.com");
        }
        if (text.contains("://")) {
            try {
                URI uri = new URI(text);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
        }
        throw CliException.usage("invalid login URL '" + text + "': use a URL such as "
                + "https://dm-us.informaticacloud.com or one of " + String.join(", ", SHORT_NAMES));
    }
}
