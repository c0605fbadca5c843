package dev.iicsctl.client.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Seeded answer bodies a broken server, a proxy or a truncating network could send: random JSON in the shape
 * of IICS answers (fields with the names the client reads, values of the wrong type), the same cut short,
 * XML, HTML pages, and random text.
 */
final class RandomBodies {

    /** Field names the client reads somewhere, so random values reach the code that interprets them. */
    private static final List<String> FIELDS = List.of("runId", "RunId", "taskId", "taskName", "taskType",
            "taskFederatedId", "state", "status", "executionState", "objectId", "objectName", "startTime",
            "startTimeUtc", "endTime", "endTimeUtc", "successSourceRows", "failedSourceRows", "successTargetRows",
            "failedTargetRows", "errorMsg", "isStopped", "entries", "objects", "id", "path", "type", "count",
            "icSessionId", "serverUrl", "userInfo", "sessionId", "products", "baseApiUrl", "name", "code",
            "description", "error", "message", "subTasks", "subtaskDetails", "details", "tasks", "startedBy",
            "runContextType", "parentTaskFederatedId", "logEntryItemAttrs", "childItemId", "assetName");

    private final Random random;

    RandomBodies(long seed) {
        this.random = new Random(seed);
    }

    /** A body and the content type it is sent with. */
    record Body(String kind, String contentType, String text) {
    }

    Body next() {
        return switch (random.nextInt(6)) {
            case 0 -> new Body("json", "application/json", json(0));
            case 1 -> new Body("truncated json", "application/json", truncate(json(0)));
            case 2 -> new Body("xml", pick("application/xml", "text/xml"), xml(0));
            case 3 -> new Body("truncated xml", "application/xml", truncate(xml(0)));
            case 4 -> new Body("html", pick("text/html", "text/html; charset=utf-8", "application/json"), html());
            default -> new Body("text", pick("text/plain", "application/octet-stream", "application/json"), text());
        };
    }

    int status() {
        int[] statuses = {200, 200, 200, 200, 201, 204, 302, 400, 401, 403, 404, 405, 409, 429, 500, 502, 503, 504};
        return statuses[random.nextInt(statuses.length)];
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int below(int n) {
        return random.nextInt(n);
    }

    private String json(int depth) {
        int kind = depth > 3 ? 2 + random.nextInt(5) : random.nextInt(7);
        return switch (kind) {
            case 0, 1 -> {
                StringBuilder o = new StringBuilder("{");
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    o.append(i == 0 ? "" : ",").append('"').append(FIELDS.get(random.nextInt(FIELDS.size())))
                            .append("\":").append(json(depth + 1));
                }
                yield kind == 0 ? o.append('}').toString() : "[" + o.append('}') + "]";
            }
            case 2 -> Long.toString(random.nextLong() >> random.nextInt(64));
            case 3 -> '"' + pick("", "1", "-1", "abc", "2026-11-28T12:05:56Z", "2026-13-45T99:99:99", "null",
                    "SUCCESS", "RUNNING", "FAILED", "\\u0000", "NaN", "1e400", "99999999999999999999999") + '"';
            case 4 -> pick("true", "false", "null", "1.5", "-0", "1e308");
            case 5 -> "[" + (random.nextBoolean() ? json(depth + 1) : "") + "]";
            default -> "{}";
        };
    }

    private String xml(int depth) {
        String tag = FIELDS.get(random.nextInt(FIELDS.size()));
        if (depth > 2 || random.nextInt(3) == 0) {
            return "<" + tag + ">" + pick("1", "x", "&amp;", "<![CDATA[<]]>", "") + "</" + tag + ">";
        }
        StringBuilder b = new StringBuilder(depth == 0 && random.nextBoolean() ? "<?xml version=\"1.0\"?>" : "");
        b.append('<').append(tag).append('>');
        for (int i = random.nextInt(4); i > 0; i--) {
            b.append(xml(depth + 1));
        }
        return b.append("</").append(tag).append('>').toString();
    }

    private String html() {
        return pick("<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>",
                "<!DOCTYPE html><html><body><form action=\"/login\">Proxy login</form></body></html>",
                "<html><body>" + text() + "</body>", "<h1>Service Unavailable</h1>", "<html");
    }

    private String text() {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(80); i > 0; i--) {
            b.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
        }
        return b.toString();
    }

    private String truncate(String s) {
        return s.isEmpty() ? s : s.substring(0, random.nextInt(s.length()));
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
