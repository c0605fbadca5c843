package dev.iicsctl.emulator.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.emulator.catalog.CatalogUser;
import dev.iicsctl.emulator.id.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {
    private Instant now = Instant.parse("2026-07-01T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SessionRegistry sessions = new SessionRegistry(clock, Duration.ofMinutes(30), new IdGenerator(1L));

    @Test
    void expiresExactlyAtTheIdleTimeoutAndUseRenews() {
        EmulatedSession s = sessions.open(CatalogUser.DEMO);
        now = now.plus(Duration.ofMinutes(29));
        assertThat(sessions.use(s.id())).isPresent();
        now = now.plus(Duration.ofMinutes(29));
        assertThat(sessions.peek(s.id())).isPresent();
        assertThat(sessions.timeLeft(sessions.peek(s.id()).orElseThrow())).isEqualTo(Duration.ofMinutes(1));
        now = now.plus(Duration.ofMinutes(1));
        assertThat(sessions.use(s.id())).isEmpty();
    }

    @Test
    void peekDoesNotRenew() {
        EmulatedSession s = sessions.open(CatalogUser.DEMO);
        now = now.plus(Duration.ofMinutes(20));
        sessions.peek(s.id());
        now = now.plus(Duration.ofMinutes(10));
        assertThat(sessions.use(s.id())).isEmpty();
    }

    @Test
    void closeAndCloseAll() {
        EmulatedSession a = sessions.open(CatalogUser.DEMO);
        EmulatedSession b = sessions.open(CatalogUser.DEMO);
        assertThat(sessions.close(a.id())).isTrue();
        assertThat(sessions.close(a.id())).isFalse();
        assertThat(sessions.use(b.id())).isPresent();
        sessions.closeAll();
        assertThat(sessions.use(b.id())).isEmpty();
        assertThat(sessions.use(null)).isEmpty();
    }

    @Test
    void seededIdsRepeatAndIdsNeverShowInToString() {
        String first = new SessionRegistry(clock, Duration.ofMinutes(1), new IdGenerator(5L)).open(CatalogUser.DEMO).id();
        EmulatedSession again = new SessionRegistry(clock, Duration.ofMinutes(1), new IdGenerator(5L)).open(CatalogUser.DEMO);
        assertThat(again.id()).isEqualTo(first).matches("[0-9A-Za-z]{22}");
        assertThat(again.toString()).doesNotContain(first).doesNotContain("demo-password").contains("demo@example.com");
    }
}
