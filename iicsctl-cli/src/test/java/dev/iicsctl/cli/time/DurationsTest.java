package dev.iicsctl.cli.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    // The grammar itself is tested once, with the emulator's: dev.iicsctl.emulator.time.DurationsTest.

    @Test
    void formatsShortly() {
        assertThat(Durations.format(Duration.ofMillis(850))).isEqualTo("850ms");
        assertThat(Durations.format(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(Durations.format(Duration.ofSeconds(185))).isEqualTo("3m05s");
        assertThat(Durations.format(Duration.ofMinutes(124))).isEqualTo("2h04m");
        assertThat(Durations.clock(Duration.ofSeconds(7))).isEqualTo("0:07");
        assertThat(Durations.clock(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    }
}
