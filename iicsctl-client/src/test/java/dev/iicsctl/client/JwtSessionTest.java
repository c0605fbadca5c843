package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.support.MemorySessionStore;
import dev.iicsctl.client.support.VirtualTime;
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
 * logs in again shortly before, so a long wait never makes a call that fails with 401. Time is virtual, shared by
 * the client and the emulator: three hours pass in the time the polls take.
 */
@Timeout(120)
class JwtSessionTest {
    private static final String CATALOG = """
            tasks:
              - path: Ops/Three Hour Load
                type: MTT
                run: {duration: 3h, outcome: success}
            """;

    private static Emulator jwtOrg(VirtualTime time) {
        return Emulator.builder().catalogYaml(CATALOG).clock(time.clock()).visibilityDelay(Duration.ZERO)
                .sessionType(SessionType.JWT).jwtLifetime(Duration.ofMinutes(30)).build().start();
    }

    private static IicsClient.Builder client(Emulator emu, VirtualTime time) {
        return time.drive(TestCatalog.client(emu.loginUrl())).pollPolicy(PollPolicy.fixed(Duration.ofMinutes(1)));
    }

    @Test
    void aThreeHourWaitRenewsTheJwtBeforeItEndsAndNeverGets401() throws Exception {
        VirtualTime time = new VirtualTime(Instant.parse("2026-11-30T22:00:00Z"));
        try (Emulator emu = jwtOrg(time); IicsClient iics = client(emu, time).build()) {
            RunHandle run = iics.jobs().start(iics.tasks().resolve("Ops/Three Hour Load"));
            // A poll a minute: the wait ends after 3 h of virtual time, in the time 180 polls take.
            RunResult result = iics.jobs().await(run, Duration.ofHours(4));
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
        VirtualTime time = new VirtualTime(Instant.parse("2026-11-30T22:00:00Z"));
        MemorySessionStore store = new MemorySessionStore();
        try (Emulator emu = jwtOrg(time)) {
            try (IicsClient first = client(emu, time).sessionStore(store).build()) {
                first.tasks().resolve("Ops/Three Hour Load");
            }
            time.advance(Duration.ofMinutes(10));
            try (IicsClient second = client(emu, time).sessionStore(store).build()) {
                second.tasks().resolve("Ops/Three Hour Load");
            }
            assertThat(emu.requests().count("POST /ma/api/v2/user/login")).isEqualTo(1);
            // 29 minutes after the login: the stored JWT would end within the renewal margin.
            time.advance(Duration.ofMinutes(19));
            try (IicsClient third = client(emu, time).sessionStore(store).build()) {
                third.tasks().resolve("Ops/Three Hour Load");
            }
            assertThat(emu.requests().count("POST /ma/api/v2/user/login")).isEqualTo(2);
            assertThat(emu.requests().recent().stream().map(RecordedRequest::status)).doesNotContain(401);
        }
    }
}
