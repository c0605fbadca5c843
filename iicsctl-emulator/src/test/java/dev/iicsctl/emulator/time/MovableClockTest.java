package dev.iicsctl.emulator.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.Emulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MovableClockTest {

    private static final Instant START = Instant.parse("2026-07-01T12:00:00Z");

    @Test
    void aStoppedClockReadsItsStartUntilMoved() throws InterruptedException {
        MovableClock clock = MovableClock.stopped(START);
        Thread.sleep(20);
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.elapsed()).isZero();
        clock.advance(Duration.ofMinutes(20));
        clock.advanceMillis(250);
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(20)).plusMillis(250));
        assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli());
        assertThat(clock.elapsed()).isEqualTo(Duration.ofMinutes(20).plusMillis(250));
    }

    @Test
    void aRunningClockGoesOnAtTheMachinesPaceAndCanBeMoved() throws InterruptedException {
        MovableClock clock = MovableClock.running(START);
        Thread.sleep(50);
        Instant later = clock.instant();
        assertThat(later).isAfterOrEqualTo(START.plusMillis(50)).isBefore(START.plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofHours(2));
        assertThat(clock.instant()).isAfterOrEqualTo(later.plus(Duration.ofHours(2)));
        assertThat(clock.elapsed()).isGreaterThanOrEqualTo(Duration.ofHours(2).plusMillis(50));
    }

    @Test
    void itMovesForwardOnlyAndReadsUtc() {
        MovableClock clock = MovableClock.stopped(START);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forward only");
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.withZone(ZoneId.of("Z"))).isSameAs(clock);
        assertThatThrownBy(() -> clock.withZone(ZoneId.of("America/New_York")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("UTC only");
        assertThat(clock).hasToString("MovableClock[2026-07-01T12:00:00Z, stopped]");
    }

    /** The use it is made for: a 20-minute run of an emulator on the clock ends when the clock is moved past it. */
    @Test
    void anEmulatorOnTheClockEndsALongRunWhenTheClockIsMoved() throws IOException, InterruptedException {
        MovableClock clock = MovableClock.stopped(START);
        String yaml = """
                tasks:
                  - {path: Sales/Long Load, type: MTT, run: {duration: 20m, outcome: success}}
                """;
        try (Emulator emu = Emulator.builder().catalogYaml(yaml).clock(clock).visibilityDelay(Duration.ZERO).build()
                .start()) {
            HttpClient http = HttpClient.newHttpClient();
            String login = http.send(HttpRequest.newBuilder(URI.create(emu.loginUrl() + "/ma/api/v2/user/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"demo@example.com\",\"password\":\"demo-password\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            String session = login.replaceAll(".*\"icSessionId\":\"([^\"]+)\".*", "$1");
            String taskId = emu.catalog().tasks().get(0).id();
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(emu.podUrl() + "/saas/api/v2/job"))
                    .header("Content-Type", "application/json").header("icSessionId", session)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"@type\":\"job\",\"taskId\":\"" + taskId + "\",\"taskType\":\"MTT\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).isEqualTo(200);

            assertThat(emu.runs()).singleElement().extracting(EmulatedRun::ended).isEqualTo(false);
            clock.advance(Duration.ofMinutes(21));
            EmulatedRun ended = emu.runs().get(0);
            assertThat(ended.state()).isEqualTo("SUCCEEDED");
            assertThat(ended.startTimeUtc()).isEqualTo(START);
            assertThat(ended.endTimeUtc()).isEqualTo(START.plus(Duration.ofMinutes(20)));
        }
    }
}
