package dev.iicsctl.emulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The routes of one listener (login host or pod host). */
public final class Router {
    private final String hostName;
    private final List<Route> routes = new ArrayList<>();
    private Router sibling;

    /** @param hostName "login host" or "pod host", used in error messages */
    public Router(String hostName) {
        this.hostName = hostName;
    }

    /** Adds a route; {@code login} marks routes that take the login latency instead of the API latency. */
    public Router add(String method, String template, ErrorStyle style, Handler handler) {
        routes.add(new Route(method, template, style, handler, false));
        return this;
    }

    /** Adds a login route (answers after the login latency). */
    public Router addLogin(String method, String template, ErrorStyle style, Handler handler) {
        routes.add(new Route(method, template, style, handler, true));
        return this;
    }

    /** The other host's router, to tell a client that it called the wrong host. */
    public void sibling(Router other) {
        this.sibling = other;
    }

    /** The route for {@code method} and {@code rawPath}, or an error naming why there is none. */
    public Match match(String method, String rawPath) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = route.matchPath(rawPath);
            if (params != null) {
                if (route.method().equals(method)) {
                    return new Match(route, params, null);
                }
                pathKnown = true;
            }
        }
        ErrorStyle style = ErrorStyle.forPath(rawPath);
        if (pathKnown) {
            return new Match(null, Map.of(), new ApiException(405, ErrorCodes.METHOD_NOT_ALLOWED,
                    method + " is not supported on " + rawPath + "."), style);
        }
        String hint = sibling != null && sibling.servesPath(rawPath)
                ? " It is served by the " + sibling.hostName + ": use the URL returned by login (serverUrl/baseApiUrl)."
                : "";
        return new Match(null, Map.of(), new ApiException(404, ErrorCodes.NO_ROUTE,
                "No resource " + rawPath + " on the " + hostName + "." + hint), style);
    }

    private boolean servesPath(String rawPath) {
        return routes.stream().anyMatch(r -> r.matchPath(rawPath) != null);
    }

    /**
     * The outcome of routing: a route and its placeholder values, or the error to answer with.
     *
     * @param route  the route, or {@code null}
     * @param params placeholder values
     * @param error  the error when there is no route
     * @param style  the error style when there is no route
     */
    public record Match(Route route, Map<String, String> params, ApiException error, ErrorStyle style) {
        Match(Route route, Map<String, String> params, ApiException error) {
            this(route, params, error, route == null ? ErrorStyle.V3 : route.style());
        }

        /** The request-log key: the route template, or the raw path when unrouted. */
        public String key(String method, String rawPath) {
            return route != null ? route.key() : method + " " + rawPath;
        }
    }
}
