package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.support.MemorySessionStore;
import dev.iicsctl.client.support.MovableClock;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.RecordedRequest;
import dev.iicsctl.emulator.session.SessionType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An org whose authentication type is JWT: session ids end at their exp claim whatever their use. The client
 * logs in again shortly before, so a long wait never makes a call that fails with 401. Time is the emulator's
 * clock, shared with the client and moved forward by the test: three hours pass in seconds.
 */
@Timeout(120)
class JwtSessionTest {
    private static final String CATALOG = """
            tasks:
              - path: Ops/Three Hour Load
                type: MTT
                run: {duration: 3h, outcome: success}
            """;

    private static Emulator jwtOrg(MovableClock clock) {
        return Emulator.builder().catalogYaml(CATALOG).clock(clock).visibilityDelay(Duration.ZERO)
                .sessionType(SessionType.JWT).jwtLifetime(Duration.ofMinutes(30)).build().start();
    }

    private static IicsClient.Builder client(Emulator emu, MovableClock clock) {
        return TestCatalog.client(emu.loginUrl()).clock(clock).pollPolicy(PollPolicy.fixed(Duration.ofMillis(20)));
    }

    @Test
    void aThreeHourWaitRenewsTheJwtBeforeItEndsAndNeverGets401() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-30T22:00:00Z"));
        try (Emulator emu = jwtOrg(clock); IicsClient iics = client(emu, clock).build()) {
            RunHandle run = iics.jobs().start(iics.tasks().resolve("Ops/Three Hour Load"));
            // 15 s of the org's time every 5 ms: the wait ends after 3 h of it, a few seconds of ours.
            Thread mover = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    clock.advance(Duration.ofSeconds(15));
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            mover.setDaemon(true);
            mover.start();
            RunResult result;
            try {
                result = iics.jobs().await(run, Duration.ofHours(4));
            } finally {
                mover.interrupt();
                mover.join();
            }
            assertThat(result.state()).isEqualTo(RunState.SUCCEEDED);
            long logins = emu.requests().count("POST /ma/api/v2/user/login");
            long refused = emu.requests().recent().stream().filter(r -> r.status() == 401).count();
            System.out.println("3 h wait with 30 min JWTs: " + logins + " logins, " + emu.requests().total()
                    + " requests, " + refused + " answered 401");
            assertThat(emu.requests().total()).isLessThan(dev.iicsctl.emulator.RequestLog.RECENT_LIMIT);
            assertThat(refused).isZero();
            // One login per 28 minutes of the 3 hours, give or take the first and the last.
            assertThat(logins).isBetween(6L, 9L);
        }
    }

    @Test
    void aStoredJwtNearItsEndIsNotReused() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-30T22:00:00Z"));
        MemorySessionStore store = new MemorySessionStore();
        try (Emulator emu = jwtOrg(clock)) {
            try (IicsClient first = client(emu, clock).sessionStore(store).build()) {
                first.tasks().resolve("Ops/Three Hour Load");
            }
            clock.advance(Duration.ofMinutes(10));
            try (IicsClient second = client(emu, clock).sessionStore(store).build()) {
                second.tasks().resolve("Ops/Three Hour Load");
            }
            assertThat(emu.requests().count("POST /ma/api/v2/user/login")).isEqualTo(1);
            // 29 minutes after the login: the stored JWT would end within the renewal margin.
            clock.advance(Duration.ofMinutes(19));
            try (IicsClient third = client(emu, clock).sessionStore(store).build()) {
                third.tasks().resolve("Ops/Three Hour Load");
            }
            assertThat(emu.requests().count("POST /ma/api/v2/user/login")).isEqualTo(2);
            assertThat(emu.requests().recent().stream().map(RecordedRequest::status)).doesNotContain(401);
        }
    }
}
