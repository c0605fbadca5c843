package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollPolicyTest {

    @Test
    void adaptiveStartsQuickAndGrowsToTheCap() {
        PollPolicy p = PollPolicy.adaptive();
        assertThat(p.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.delay(1)).isEqualTo(Duration.ofMillis(1500));
        assertThat(p.delay(3)).isGreaterThan(p.delay(2));
        assertThat(p.delay(100)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.isFixed()).isFalse();
    }

    @Test
    void fixedNeverChanges() {
        PollPolicy p = PollPolicy.fixed(Duration.ofSeconds(5));
        assertThat(p.delay(0)).isEqualTo(p.delay(50)).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.isFixed()).isTrue();
    }

    @Test
    void invalidPoliciesAreRefused() {
        assertThatThrownBy(() -> new PollPolicy(Duration.ZERO, Duration.ofSeconds(1), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PollPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PollPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
