package dev.iicsctl.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ThreadLocalRandom;

/** The two error-object shapes of the IICS API, chosen per route. */
public enum ErrorStyle {
    /** {@code {"code","description","statusCode","@type":"error"}}. */
    V2,
    /** {@code {"error":{"code","message","requestId","details"}}} (v3, taskflows, control API). */
    V3;

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** The error object for {@code status}, {@code code} and {@code message}. */
    public ObjectNode body(int status, String code, String message) {
        ObjectNode body = Json.object();
        if (this == V2) {
            body.put("code", code).put("description", message).put("statusCode", status).put("@type", "error");
        } else {
            ObjectNode error = body.putObject("error");
            error.put("code", code).put("message", message).put("requestId", requestId()).putNull("details");
        }
        return body;
    }

    /** The error answer for {@code e}. */
    public Response render(ApiException e) {
        return Response.json(e.status(), body(e.status(), e.code(), e.getMessage())).withXmlRoot("error");
    }

    /** The style of an unrouted path, guessed from its prefix. */
    public static ErrorStyle forPath(String path) {
        return path.startsWith("/saas/api/v2/") || path.startsWith("/ma/api/v2/") ? V2 : V3;
    }

    private static String requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            sb.append(BASE62.charAt(r.nextInt(BASE62.length())));
        }
        return sb.toString();
    }
}
