package dev.iicsctl.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A method and path template such as {@code GET /saas/api/v2/activity/activityLog/{id}}, with its handler and
 * error style. The template doubles as the request-log key.
 *
 * @param method   HTTP method
 * @param template path template with {@code {name}} placeholders
 * @param style    the error-object shape of the route
 * @param handler  what answers it
 * @param login    whether it answers after the login latency
 * @param segments the template split at {@code /}
 */
public record Route(String method, String template, ErrorStyle style, Handler handler, boolean login,
                    List<String> segments) {

    /** A route; the template is split once here, not on every request. */
    public Route(String method, String template, ErrorStyle style, Handler handler, boolean login) {
        this(method, template, style, handler, login, List.of(template.split("/", -1)));
    }

    /** {@code "METHOD /template"}: the key of the request counts. */
    public String key() {
        return method + " " + template;
    }

    /** The placeholder values when {@code rawPath} fits the template, otherwise {@code null}. */
    Map<String, String> matchPath(String rawPath) {
        List<String> want = segments;
        String[] got = rawPath.split("/", -1);
        if (want.size() != got.length) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < got.length; i++) {
            String w = want.get(i);
            if (w.startsWith("{") && w.endsWith("}")) {
                if (got[i].isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new LinkedHashMap<>(2);
                }
                params.put(w.substring(1, w.length() - 1), URLDecoder.decode(got[i].replace("+", "%2B"),
                        StandardCharsets.UTF_8));
            } else if (!w.equals(got[i])) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }
}
