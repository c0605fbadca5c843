package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** traceFile(...): every exchange in a HAR 1.2 file that holds no secret, with stable placeholders. */
@Timeout(60)
class TraceFileTest {
    @TempDir
    Path dir;

    @Test
    void aRunWithARenewalIsTracedWithPlaceholdersAndNoSecret() throws Exception {
        Path har = dir.resolve("trace.har");
        List<String> sessionIds = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try (Emulator emu = Emulator.builder().catalogYaml(TestCatalog.YAML).build().start()) {
            try (IicsClient iics = TestCatalog.client(emu.loginUrl()).traceFile(har).traceListener(lines::add)
                    .pollPolicy(PollPolicy.fixed(Duration.ofMillis(100))).build()) {
                RunHandle run = iics.jobs().start(iics.tasks().resolve("Sales/Load Orders"));
                sessionIds.add(iics.auth().session().id());
                emu.expireSessions();
                emu.addFault(FaultRule.status("GET", "/saas/api/v2/activity/activityMonitor", 503).times(1));
                assertThat(iics.jobs().await(run, Duration.ofSeconds(30)).state()).isEqualTo(RunState.SUCCEEDED);
                sessionIds.add(iics.auth().session().id());
            }
        }
        assertThat(sessionIds.get(0)).isNotEqualTo(sessionIds.get(1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(har))).isEqualTo("rw-------");
        String text = Files.readString(har);
        assertThat(text).doesNotContain(TestCatalog.PASSWORD).doesNotContain(sessionIds.get(0))
                .doesNotContain(sessionIds.get(1));

        JsonNode log = new ObjectMapper().readTree(text).get("log");
        assertThat(log.get("version").asText()).isEqualTo("1.2");
        assertThat(log.get("creator").get("name").asText()).isEqualTo("iicsctl");
        JsonNode entries = log.get("entries");
        assertThat(entries.size()).isGreaterThanOrEqualTo(6);
        Set<String> placeholders = new HashSet<>();
        int logins = 0;
        boolean saw503 = false;
        for (JsonNode e : entries) {
            JsonNode request = e.get("request");
            assertThat(e.get("startedDateTime").asText()).isNotEmpty();
            if (request.get("url").asText().endsWith("/ma/api/v2/user/login")) {
                logins++;
                assertThat(request.get("postData").get("text").asText()).contains("\"password\":\"redacted-password-1\"");
                assertThat(e.get("response").get("content").get("text").asText())
                        .containsPattern("\"icSessionId\":\"redacted-session-[12]\"");
            }
            for (JsonNode h : request.get("headers")) {
                if (h.get("name").asText().equalsIgnoreCase("icSessionId")) {
                    placeholders.add(h.get("value").asText());
                }
            }
            saw503 |= e.get("response").get("status").asInt() == 503;
        }
        assertThat(logins).isEqualTo(2);
        assertThat(saw503).isTrue();
        // The two sessions keep two distinct names through the file.
        assertThat(placeholders).containsExactlyInAnyOrder("redacted-session-1", "redacted-session-2");
        assertThat(String.join("\n", lines)).doesNotContain(sessionIds.get(0));
    }
}
