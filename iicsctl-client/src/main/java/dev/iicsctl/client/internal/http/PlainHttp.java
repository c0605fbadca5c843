package dev.iicsctl.client.internal.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Where secrets may travel without TLS: only to the loopback host (the emulator), unless the user allowed it. */
public final class PlainHttp {

    /** 127.x.y.z in decimal without leading zeros (a leading zero means octal to some resolvers). */
    private static final Pattern LOOPBACK_V4 =
            Pattern.compile("127(\\.(0|[1-9][0-9]{0,2})){3}");

    private PlainHttp() {
    }

    /**
     * @param url a URL secrets are sent to
     * @param allowInsecureHttp whether the user allowed plain http to any host
     * @return {@code true} when the URL is https, or plain http to the loopback host or allowed
     */
    public static boolean maySendSecrets(URI url, boolean allowInsecureHttp) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http") && (allowInsecureHttp || isLoopback(url.getHost()));
    }

    /**
     * Decides from the address, never from how a name begins ({@code 127.attacker.example} is a name anywhere).
     *
     * @param host a host name or literal address
     * @return {@code true} for {@code localhost}, a dotted-quad IPv4 literal in 127.0.0.0/8 and the IPv6 literal
     *     {@code ::1}; names are never looked up in DNS
     */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (LOOPBACK_V4.matcher(h).matches()) {
            return h.chars().filter(c -> c == '.').count() == 3 && octetsInRange(h);
        }
        String v6 = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        if (v6.indexOf(':') < 0 || !v6.matches("[0-9a-f:]+")) {
            return false;
        }
        try {
            // A literal with colons and hex digits only: parsed, never looked up.
            return InetAddress.getByName(v6) instanceof Inet6Address a && a.isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean octetsInRange(String dottedQuad) {
        for (String octet : dottedQuad.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
