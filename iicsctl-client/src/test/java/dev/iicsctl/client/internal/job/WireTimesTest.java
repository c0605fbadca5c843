package dev.iicsctl.client.internal.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.client.internal.http.WireJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WireTimesTest {

    private static JsonNode json(String text) throws Exception {
        return WireJson.MAPPER.readTree(text);
    }

    @Test
    void utcFieldsWinOverTheEasternOnes() throws Exception {
        // The vendor doc example: startTime is Eastern time written with a Z, startTimeUtc is the truth.
        JsonNode e = json("{\"startTime\":\"2020-03-27T08:05:56.000Z\",\"startTimeUtc\":\"2020-03-27T12:05:56.000Z\"}");
        assertThat(WireTimes.utc(e, "startTimeUtc", "startTime")).isEqualTo(Instant.parse("2020-03-27T12:05:56Z"));
    }

    @Test
    void easternTimeIsConvertedWithDaylightSaving() throws Exception {
        JsonNode summer = json("{\"startTime\":\"2020-03-27T08:05:56.000Z\"}");
        assertThat(WireTimes.utc(summer, "startTimeUtc", "startTime")).isEqualTo(Instant.parse("2020-03-27T12:05:56Z"));
        JsonNode winter = json("{\"startTime\":\"2026-11-28T07:05:56.000Z\"}");
        assertThat(WireTimes.utc(winter, "startTimeUtc", "startTime")).isEqualTo(Instant.parse("2026-11-28T12:05:56Z"));
        JsonNode noZone = json("{\"startTime\":\"2026-07-01T10:00:00\"}");
        assertThat(WireTimes.utc(noZone, "startTimeUtc", "startTime")).isEqualTo(Instant.parse("2026-07-01T14:00:00Z"));
    }

    @Test
    void utcVariantsAreTolerated() throws Exception {
        assertThat(WireTimes.parseUtc(json("\"2026-11-28T12:05:56Z\""))).isEqualTo(Instant.parse("2026-11-28T12:05:56Z"));
        assertThat(WireTimes.parseUtc(json("\"2026-11-28T12:05:56.000+0000\""))).isEqualTo(Instant.parse("2026-11-28T12:05:56Z"));
        assertThat(WireTimes.parseUtc(json("\"2026-11-28T13:05:56+01:00\""))).isEqualTo(Instant.parse("2026-11-28T12:05:56Z"));
        assertThat(WireTimes.parseUtc(json("\"2026-11-28T12:05:56\""))).isEqualTo(Instant.parse("2026-11-28T12:05:56Z"));
        assertThat(WireTimes.parseUtc(json("1764331556000"))).isEqualTo(Instant.ofEpochMilli(1764331556000L));
        assertThat(WireTimes.parseUtc(json("\"garbage\""))).isNull();
        assertThat(WireTimes.parseUtc(json("null"))).isNull();
        assertThat(WireTimes.utc(json("{}"), "startTimeUtc", "startTime")).isNull();
    }

    @Test
    void anEasternTimeInTheRepeatedHourNamesBothInstants() throws Exception {
        WireTimes.Reading repeated = WireTimes.reading(json("{\"startTime\":\"2026-11-01T01:30:00.000Z\"}"),
                "startTimeUtc", "startTime");
        assertThat(repeated.ambiguous()).isTrue();
        assertThat(repeated.earliest()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(repeated.latest()).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
        WireTimes.Reading plain = WireTimes.reading(json("{\"startTime\":\"2027-11-07T02:30:00.000Z\"}"),
                "startTimeUtc", "startTime");
        assertThat(plain.ambiguous()).isFalse();
        assertThat(plain.latest()).isEqualTo(Instant.parse("2027-11-07T07:30:00Z"));
    }

    @Test
    void aSpanAcrossTheAutumnChangeIsNeverNegative() throws Exception {
        WireTimes.Span span = WireTimes.span(json(
                "{\"startTime\":\"2027-11-07T01:50:00.000Z\",\"endTime\":\"2027-11-07T01:10:00.000Z\"}"));
        assertThat(span.start()).isEqualTo(Instant.parse("2027-11-07T05:50:00Z"));
        assertThat(span.end()).isEqualTo(Instant.parse("2027-11-07T06:10:00Z"));
        WireTimes.Span spring = WireTimes.span(json(
                "{\"startTime\":\"2026-03-08T01:50:00.000Z\",\"endTime\":\"2026-03-08T03:10:00.000Z\"}"));
        assertThat(java.time.Duration.between(spring.start(), spring.end())).isEqualTo(java.time.Duration.ofMinutes(20));
    }
}
