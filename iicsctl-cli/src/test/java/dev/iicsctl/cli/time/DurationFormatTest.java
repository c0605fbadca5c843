package dev.iicsctl.cli.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationFormatTest {

    // The grammar itself is tested once, with the emulator's: dev.iicsctl.emulator.time.DurationsTest.

    @Test
    void formatsShortly() {
        assertThat(DurationFormat.brief(Duration.ofMillis(850))).isEqualTo("850ms");
        assertThat(DurationFormat.brief(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(DurationFormat.brief(Duration.ofSeconds(185))).isEqualTo("3m05s");
        assertThat(DurationFormat.brief(Duration.ofMinutes(124))).isEqualTo("2h04m");
        assertThat(DurationFormat.clock(Duration.ofSeconds(7))).isEqualTo("0:07");
        assertThat(DurationFormat.clock(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    }
}
