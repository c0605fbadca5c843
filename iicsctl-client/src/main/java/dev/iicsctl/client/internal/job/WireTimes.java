package dev.iicsctl.client.internal.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times as IICS sends them. The {@code *Utc} fields are true UTC. The plain {@code startTime}/{@code endTime}
 * fields are US Eastern wall-clock time written with a misleading {@code Z}; they are used only when the UTC
 * fields are absent, and then converted from America/New_York (daylight saving included). An Eastern time in
 * the hour that repeats when daylight saving ends names two instants an hour apart: {@link #reading} keeps both,
 * and {@link #span} picks for a start and an end the pair that gives a run a duration that is not negative.
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
     * What an entry's time can mean: one instant, or two an hour apart when it is an Eastern time in the
     * repeated hour of the autumn change (01:00 to 02:00 is first daylight time, then standard time).
     *
     * @param earliest the earlier reading
     * @param latest the later reading (the same instant when the time is not ambiguous)
     */
    public record Reading(Instant earliest, Instant latest) {

        /** @return whether the time names two instants */
        public boolean ambiguous() {
            return !earliest.equals(latest);
        }

        static Reading exactly(Instant instant) {
            return instant == null ? null : new Reading(instant, instant);
        }
    }

    /**
     * A run's start and end as an entry gives them, read together.
     *
     * @param start the start, or {@code null}
     * @param end the end, or {@code null}
     */
    public record Span(Instant start, Instant end) {
    }

    /**
     * @param entry an activity log or monitor entry
     * @param utcField e.g. {@code startTimeUtc}
     * @param easternField e.g. {@code startTime}
     * @return every instant the entry's time can mean, or {@code null} when neither field holds a time
     */
    public static Reading reading(JsonNode entry, String utcField, String easternField) {
        Instant utc = parseUtc(entry.get(utcField));
        return utc != null ? Reading.exactly(utc) : readEastern(entry.get(easternField));
    }

    /**
     * The start and end of a run: when either is ambiguous, the readings that give the shortest duration that
     * is not negative (a run that starts at 01:50 daylight time and ends at 01:10 standard time took 20 minutes,
     * not minus 40).
     *
     * @param entry an activity log or monitor entry
     * @return its start and end
     */
    public static Span span(JsonNode entry) {
        Reading start = reading(entry, "startTimeUtc", "startTime");
        Reading end = reading(entry, "endTimeUtc", "endTime");
        if (start == null || end == null) {
            return new Span(start == null ? null : start.earliest(), end == null ? null : end.earliest());
        }
        Span best = null;
        for (Instant s : new Instant[] {start.earliest(), start.latest()}) {
            for (Instant e : new Instant[] {end.earliest(), end.latest()}) {
                if (!e.isBefore(s) && (best == null
                        || Duration.between(s, e).compareTo(Duration.between(best.start(), best.end())) < 0)) {
                    best = new Span(s, e);
                }
            }
        }
        // No pair is in order (the entry itself is inconsistent): show what it says, the end no earlier than the start.
        return best != null ? best : new Span(start.earliest(), start.earliest());
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
        Reading reading = readEastern(node);
        return reading == null ? null : reading.earliest();
    }

    /**
     * @param node an Eastern wall-clock time, possibly with a bogus {@code Z} or offset (ignored)
     * @return the instants it can mean (two in the repeated autumn hour), or {@code null}
     */
    public static Reading readEastern(JsonNode node) {
        if (node == null || node.isNull() || node.isNumber()) {
            return node != null && node.isNumber() ? Reading.exactly(Instant.ofEpochMilli(node.asLong())) : null;
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
        // A time in the spring gap does not exist on an Eastern clock; it is read as the instant it would have been.
        ZonedDateTime zoned = local.atZone(EASTERN);
        return new Reading(zoned.withEarlierOffsetAtOverlap().toInstant(), zoned.withLaterOffsetAtOverlap().toInstant());
    }
}
