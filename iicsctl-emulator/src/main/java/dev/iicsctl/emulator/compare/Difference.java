package dev.iicsctl.emulator.compare;

/**
 * One way the emulator's answer differs from the org's.
 *
 * @param exchange the traced request, e.g. {@code GET /saas/api/v2/activity/activityMonitor}
 * @param field    the JSON path of the field, e.g. {@code [].startTimeUtc} ({@code ""} for the whole answer)
 * @param kind     what differs
 * @param org      what the org answered there (a format, type or status; never a value)
 * @param emulator what the emulator answered there
 */
public record Difference(String exchange, String field, Kind kind, String org, String emulator) {
    /** What differs. */
    public enum Kind {
        /** The HTTP status class (2xx, 4xx, 5xx). */
        STATUS,
        /** The org sends the field, the emulator does not. */
        MISSING,
        /** The emulator sends a field the org does not. */
        EXTRA,
        /** The JSON type or the id/time format differs. */
        FORMAT
    }

    /** @return one line for the report */
    public String line() {
        String where = field.isEmpty() ? "" : " " + field;
        return switch (kind) {
            case STATUS -> exchange + ": the org answered " + org + ", the emulator " + emulator;
            case MISSING -> exchange + where + ": missing in the emulator's answer (org: " + org + ")";
            case EXTRA -> exchange + where + ": only in the emulator's answer (" + emulator + ")";
            case FORMAT -> exchange + where + ": org " + org + ", emulator " + emulator;
        };
    }
}
