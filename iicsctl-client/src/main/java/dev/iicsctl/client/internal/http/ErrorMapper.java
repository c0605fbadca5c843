package dev.iicsctl.client.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.client.IicsApiException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place where an error answer becomes an exception. Reads both IICS error shapes:
 * v2 {@code {"code","description","statusCode","@type":"error"}} and
 * v3 {@code {"error":{"code","message","requestId"}}}.
 */
public final class ErrorMapper {

    /**
     * How IICS describes an unknown task when it refuses with another status than 404 (its codes for it are not
     * documented): the one place that reads IICS's words, so that callers act on {@link IicsApiException#reason()}.
     */
    private static final Pattern UNKNOWN_OBJECT =
            Pattern.compile("(?i)not\\s+(be\\s+)?found|does\\s*n[o']t\\s+exist|no\\s+such|invalid\\s+task");

    private ErrorMapper() {
    }

    /**
     * The fields of an error body.
     *
     * @param code IICS code or null
     * @param message description or message, or null
     * @param requestId v3 request id or null
     */
    public record ErrorBody(String code, String message, String requestId) {
    }

    /**
     * @param answer an error answer
     * @return its error fields; all {@code null} when the body is not an error object
     */
    public static ErrorBody errorBody(HttpAnswer answer) {
        JsonNode json = WireJson.tryParse(answer);
        if (json == null || !json.isObject()) {
            return new ErrorBody(null, null, null);
        }
        JsonNode v3 = json.get("error");
        if (v3 != null && v3.isObject()) {
            return new ErrorBody(WireJson.text(v3, "code"), WireJson.text(v3, "message"),
                    first(WireJson.text(v3, "requestId"), WireJson.text(json, "requestId")));
        }
        String message = first(WireJson.text(json, "description"), WireJson.text(json, "message"));
        return new ErrorBody(WireJson.text(json, "code"), message, WireJson.text(json, "requestId"));
    }

    /**
     * @param answer an answer with a non-2xx status
     * @param redactor masks secrets that might be echoed in the body
     * @return the exception to throw
     */
    public static IicsApiException apiError(HttpAnswer answer, Redactor redactor) {
        ErrorBody body = errorBody(answer);
        int status = answer.status();
        String call = answer.call().label();
        if (body.code() == null && body.message() == null && !looksLikeJson(answer)) {
            return new IicsApiException("IICS answered HTTP " + status + " to " + call + " with " + describe(answer)
                    + " instead of JSON: " + hint(status), status, null, null, call, null);
        }
        String what = body.message() == null ? "no error description" : oneLine(redactor.redact(body.message()));
        return new IicsApiException(reason(status, body), "IICS refused " + call + " (HTTP " + status
                + (body.code() == null ? "" : ", " + body.code()) + "): " + what + "; " + hint(status),
                status, body.code(), body.requestId(), call, null);
    }

    /** A refusal whose IICS description names an unknown object is a not-found, whatever its 4xx status. */
    static IicsApiException.Reason reason(int status, ErrorBody body) {
        IicsApiException.Reason byStatus = IicsApiException.Reason.of(status);
        boolean unknown = byStatus == IicsApiException.Reason.REFUSED && body.message() != null
                && UNKNOWN_OBJECT.matcher(body.message()).find();
        return unknown ? IicsApiException.Reason.NOT_FOUND : byStatus;
    }

    /**
     * @param answer a 2xx answer whose body did not parse
     * @param cause the parse error
     * @return the exception to throw
     */
    public static GarbledAnswerException notJson(HttpAnswer answer, Throwable cause) {
        String call = answer.call().label();
        return new GarbledAnswerException("IICS answered " + call + " with " + describe(answer)
                + " instead of JSON: retry later; the verbose HTTP trace shows the raw answer",
                answer.status(), call, cause);
    }

    private static String describe(HttpAnswer answer) {
        String head = answer.text().stripLeading().toLowerCase(Locale.ROOT);
        if (answer.contentType().contains("html") || head.startsWith("<!doctype html") || head.startsWith("<html")) {
            return "an HTML page (from a proxy, gateway or maintenance page?)";
        }
        if (looksLikeJson(answer)) {
            return "a truncated or malformed body";
        }
        return answer.body().length == 0 ? "an empty body" : "a non-JSON body (" + answer.contentType() + ")";
    }

    private static boolean looksLikeJson(HttpAnswer answer) {
        String head = answer.text().stripLeading();
        return head.startsWith("{") || head.startsWith("[");
    }

    private static String hint(int status) {
        if (status == 400) {
            return "check the values sent (ids, names, task type)";
        }
        if (status == 401) {
            return "log in again";
        }
        if (status == 403) {
            return "check that the user has the needed IICS privileges";
        }
        if (status == 404) {
            return "check the id, name or path";
        }
        if (status == 429) {
            return "too many requests; retry later";
        }
        if (status >= 500) {
            return "the service failed; retry later";
        }
        if (status >= 200 && status < 300) {
            return "retry later; the verbose HTTP trace shows the raw answer";
        }
        return "check the login URL and proxy settings";
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
