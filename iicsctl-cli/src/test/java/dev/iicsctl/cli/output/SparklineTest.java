package dev.iicsctl.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {

    @Test
    void scalesFromShortestToLongest() {
        String line = Sparkline.of(List.of(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(80)));
        assertThat(line).hasSize(3).startsWith("▁").endsWith("█");
        assertThat(line.charAt(1)).isGreaterThan('▁').isLessThan('█');
    }

    @Test
    void equalDurationsGiveAFlatLine() {
        assertThat(Sparkline.of(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5)))).isEqualTo("▄▄");
    }

    @Test
    void noDurationsGiveNothing() {
        assertThat(Sparkline.of(List.of())).isEmpty();
    }
}
