package dev.iicsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Neither the password nor the session id ever appears in what iicsctl prints, even with --verbose. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SecretsTest extends EmulatorTestBase {
    @Test
    void verboseCommandsNeverPrintThePasswordOrTheSessionId() throws Exception {
        List<CliRun.Result> results = new java.util.ArrayList<>();
        results.add(cli.execute("login", "--verbose"));
        Path file;
        try (Stream<Path> files = Files.list(home.resolve("cache/iicsctl/sessions"))) {
            file = files.findFirst().orElseThrow();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String sessionId = new ObjectMapper().readTree(file.toFile()).get("sessionId").asText();
        assertThat(sessionId).isNotBlank();

        results.add(cli.execute("run", "Sales/Load Orders", "--poll", "100ms", "-v"));
        results.add(cli.execute("run", "Finance/Post Invoices", "--poll", "100ms", "-v", "-o", "json",
                "--logs-on-failure", home.resolve("logs").toString()));
        results.add(cli.execute("status", "Sales/Load Orders", "-v"));
        results.add(cli.execute("history", "Sales/Load Orders", "-v"));
        results.add(cli.execute("tasks", "-v"));
        results.add(cli.execute("monitor", "-v"));
        results.add(cli.execute("logs", "Sales/Load Orders", "-v"));
        results.add(cli.execute("whoami", "-v"));
        emulator.expireSessions();
        results.add(cli.execute("tasks", "-v"));
        results.add(cli.execute("logout", "-v"));
        results.add(CliRun.against(emulator, home).env("IICS_PASSWORD", "wrong-password").execute("login", "-v"));

        assertThat(results.get(1).err()).as("the trace is shown").contains("/saas/api/v2/job");
        for (CliRun.Result result : results) {
            assertThat(result.out() + result.err()).as(result.toString())
                    .doesNotContain(TestCatalog.PASSWORD)
                    .doesNotContain("wrong-password")
                    .doesNotContain(sessionId);
        }
    }
}
