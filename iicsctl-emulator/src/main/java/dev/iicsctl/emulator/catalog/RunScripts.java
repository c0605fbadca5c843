package dev.iicsctl.emulator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.emulator.time.Durations;
import java.time.Duration;
import java.util.Set;

/** Parses one {@code run:} mapping of the catalog. */
final class RunScripts {
    private static final Set<String> RUN = Set.of("duration", "outcome", "rows", "errorMessage");
    private static final Set<String> ROWS = Set.of("successSource", "failedSource", "successTarget", "failedTarget");

    private RunScripts() {}

    static RunScript parse(JsonNode node, String where, boolean taskflow) {
        if (node == null || !node.isObject()) {
            throw new CatalogException(where + " must be a mapping like {duration: 3s, outcome: success}");
        }
        CatalogLoader.onlyKnownFields(node, RUN, where);
        Duration duration = RunScript.DEFAULT.duration();
        JsonNode d = node.get("duration");
        if (d != null && !d.isNull()) {
            try {
                duration = Durations.parse(d.isTextual() ? d.asText() : d.toString() + "?");
            } catch (IllegalArgumentException e) {
                throw new CatalogException(where + ": bad duration '" + d.asText()
                        + "'; use a form like 500ms, 3s, 1m or PT5M");
            }
        }
        String text = CatalogLoader.text(node, "outcome", "success");
        String allowed = taskflow ? "success, failed or suspended" : "success, warning, failed or not-started";
        Outcome outcome = Outcome.parse(text)
                .filter(o -> taskflow ? o != Outcome.WARNING && o != Outcome.NOT_STARTED : o != Outcome.SUSPENDED)
                .orElseThrow(() -> new CatalogException(where + ": bad outcome '" + text + "'; use " + allowed));
        RowCounts rows = node.has("rows") ? rows(node.get("rows"), where) : RowCounts.defaultFor(outcome);
        String error = CatalogLoader.text(node, "errorMessage", null);
        return new RunScript(duration, outcome, rows, error);
    }

    private static RowCounts rows(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new CatalogException(where + ": 'rows' must be a mapping like {successSource: 10, successTarget: 10}");
        }
        CatalogLoader.onlyKnownFields(node, ROWS, where + " rows");
        return new RowCounts(count(node, "successSource", where), count(node, "failedSource", where),
                count(node, "successTarget", where), count(node, "failedTarget", where));
    }

    private static long count(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw new CatalogException(where + ": rows." + field + " must be a whole number >= 0");
        }
        return v.asLong();
    }
}
