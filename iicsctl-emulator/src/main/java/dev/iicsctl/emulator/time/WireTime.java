package dev.iicsctl.emulator.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The timestamp formats IICS puts on the wire.
 *
 * <p>The v2 activity resources write {@code startTime}/{@code endTime} in US Eastern local time but with a
 * {@code Z} suffix (a well-known quirk), and the true UTC instant in {@code startTimeUtc}/{@code endTimeUtc}.
 * The emulator reproduces the quirk so that a client reading {@code startTime} as UTC is off by 4–5 hours,
 * as it would be in production.
 */
public final class WireTime {
    /** The zone IICS uses for its "local" activity timestamps. */
    public static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private static final DateTimeFormatter MILLIS_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final DateTimeFormatter SECONDS_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private WireTime() {}

    /** Eastern local time written with a misleading {@code Z}, e.g. {@code 2020-03-27T08:05:56.000Z}. */
    public static String easternWithZ(Instant instant) {
        return instant == null ? null : MILLIS_Z.format(instant.atZone(EASTERN));
    }

    /** True UTC with milliseconds, e.g. {@code 2020-03-27T12:05:56.000Z}. */
    public static String utcMillis(Instant instant) {
        return instant == null ? null : MILLIS_Z.format(instant.atZone(ZoneOffset.UTC));
    }

    /** True UTC to the second, e.g. {@code 2021-06-10T05:48:28Z} (taskflow status, v3 objects). */
    public static String utcSeconds(Instant instant) {
        return instant == null ? null : SECONDS_Z.format(instant.atZone(ZoneOffset.UTC));
    }
}
