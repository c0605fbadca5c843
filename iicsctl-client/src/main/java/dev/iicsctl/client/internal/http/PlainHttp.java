package dev.iicsctl.client.internal.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/** Where secrets may travel without TLS: only to the loopback host (the emulator), unless the user allowed it. */
public final class PlainHttp {

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
     * @param host a host name or literal address
     * @return {@code true} for {@code localhost} and loopback addresses; names are never looked up in DNS
     */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1")) {
            return true;
        }
        try {
            // Only literal addresses are checked: no DNS lookup happens for a name.
            if (h.matches("[0-9.]+") || h.startsWith("[")) {
                return InetAddress.getByName(h.replace("[", "").replace("]", "")).isLoopbackAddress();
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }
}
