package dev.iicsctl.emulator.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    /** The one test of the duration grammar that the emulator and the command line share. */
    @Test
    void parsesHumanAndIsoForms() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("1m30s250ms")).isEqualTo(Duration.ofMillis(90_250));
        assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(Durations.parse("1d2h")).isEqualTo(Duration.ofHours(26));
        assertThat(Durations.parse("PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("pt1h2m3s")).isEqualTo(Duration.ofSeconds(3723));
        assertThat(Durations.parse("pt1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("0")).isZero();
        assertThat(Durations.parse("0s")).isZero();
        assertThat(Durations.parse(" 3S ")).isEqualTo(Duration.ofSeconds(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "5", "5x", "m5", "1.5h", "1h 30m", "5m1h", "1s1s", "5s5", "-5s", "-5m", "PT",
        "PT-5S", "PT-5M", "soon", "99999999999999999999s", "9999999999999999d"})
    void rejectsOtherTextNamingItAndTheForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid duration '" + text + "': use 90s, 5m, 2h, 1h30m, 500ms or ISO-8601 such as PT5M");
    }

    @Test
    void nullIsRefusedLikeEmptyText() {
        assertThatThrownBy(() -> Durations.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid duration 'null'");
    }

    @Test
    void easternTimeWithZIsLocalNewYorkTime() {
        Instant summer = Instant.parse("2020-03-27T12:05:56Z");
        assertThat(WireTime.easternWithZ(summer)).isEqualTo("2020-03-27T08:05:56.000Z");
        assertThat(WireTime.utcMillis(summer)).isEqualTo("2020-03-27T12:05:56.000Z");
        assertThat(WireTime.easternWithZ(Instant.parse("2020-12-01T12:00:00.123Z"))).isEqualTo("2020-12-01T07:00:00.123Z");
        assertThat(WireTime.utcSeconds(summer)).isEqualTo("2020-03-27T12:05:56Z");
        assertThat(WireTime.easternWithZ(null)).isNull();
    }
}
