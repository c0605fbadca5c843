package dev.iicsctl.client.auth;

import java.util.Locale;

/** Which IICS login API to use. Either gives a session that works for v2, v3 and taskflow calls. */
public enum AuthVersion {
    /** {@code POST /ma/api/v2/user/login}: answers {@code icSessionId} and {@code serverUrl}. */
    V2,
    /** {@code POST /saas/public/core/v3/login}: answers {@code userInfo.sessionId} and {@code products[].baseApiUrl}. */
    V3;

    /**
     * @param text {@code v2}, {@code v3}, {@code 2} or {@code 3}, any case
     * @return the version
     * @throws IllegalArgumentException for anything else
     */
    public static AuthVersion parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "v2", "2":
                return V2;
            case "v3", "3":
                return V3;
            default:
                throw new IllegalArgumentException("unknown login API '" + text + "': use v2 or v3");
        }
    }
}
