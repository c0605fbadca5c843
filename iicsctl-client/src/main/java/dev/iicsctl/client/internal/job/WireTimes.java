package dev.iicsctl.client.internal.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times as IICS sends them. The {@code *Utc} fields are true UTC. The plain {@code startTime}/{@code endTime}
 * fields are US Eastern wall-clock time written with a misleading {@code Z}; they are used only when the UTC
 * fields are absent, and then converted from America/New_York (daylight saving included).
 */
public final class WireTimes {

    /** The zone IICS uses for {@code startTime}/{@code endTime}. */
    public static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx");

    private WireTimes() {
    }

    /**
     * @param entry an activity log or monitor entry
     * @param utcField e.g. {@code startTimeUtc}
     * @param easternField e.g. {@code startTime}
     * @return the instant, or {@code null} when neither field holds a time
     */
    public static Instant utc(JsonNode entry, String utcField, String easternField) {
        Instant utc = parseUtc(entry.get(utcField));
        if (utc != null) {
            return utc;
        }
        return parseEastern(entry.get(easternField));
    }

    /**
     * @param node a UTC time: ISO-8601 with {@code Z} or an offset, without a zone (taken as UTC), or epoch millis
     * @return the instant, or {@code null}
     */
    public static Instant parseUtc(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        String s = node.asText().trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // try the other shapes below
        }
        try {
            return OffsetDateTime.parse(s, COMPACT_OFFSET).toInstant();
        } catch (DateTimeParseException e) {
            // try without a zone
        }
        try {
            return LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * @param node an Eastern wall-clock time, possibly with a bogus {@code Z} or offset (ignored)
     * @return the true instant, or {@code null}
     */
    public static Instant parseEastern(JsonNode node) {
        if (node == null || node.isNull() || node.isNumber()) {
            return node != null && node.isNumber() ? Instant.ofEpochMilli(node.asLong()) : null;
        }
        String s = node.asText().trim();
        if (s.isEmpty()) {
            return null;
        }
        LocalDateTime local;
        try {
            local = OffsetDateTime.parse(s).toLocalDateTime();
        } catch (DateTimeParseException e) {
            try {
                local = LocalDateTime.parse(s);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
        return local.atZone(EASTERN).toInstant();
    }
}
