package dev.iicsctl.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.TestCatalog;
import dev.iicsctl.emulator.Emulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Token logins (--auth oauth) from a command, and a HAR trace a user can share. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RealOrgAuthTest {
    private static final String CATALOG = TestCatalog.YAML.replace("""
            users:
              - {username: demo@example.com, password: demo-password, org: Demo Org}
            """, """
            users:
              - {username: demo@example.com, password: demo-password, org: Demo Org}
              - {username: sso@example.com, password: unused-password-1, org: Demo Org}
            identityProvider:
              issuer: https://idp.example.com
            """);

    /** Like an identity provider's CLI: prints a fresh JWT for sso@example.com each time it runs. */
    private static final String TOKEN_SCRIPT = """
            #!/bin/sh
            b64() { base64 | tr -d '\\n=' | tr '+/' '-_'; }
            now=$(date +%s)
            header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64)
            claims=$(printf '{"iss":"https://idp.example.com","sub":"sso@example.com","iat":%s,"exp":%s,"jti":"%s"}' \\
                "$now" $((now + 300)) "$(od -An -N8 -tx1 /dev/urandom | tr -d ' \\n')" | b64)
            printf '%s.%s.c2lnbmF0dXJl\\n' "$header" "$claims"
            """;

    @TempDir
    Path home;
    private Emulator emu;
    private String orgId;

    @BeforeEach
    void start() throws Exception {
        emu = Emulator.builder().catalogYaml(CATALOG).build().start();
        String user = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emu.loginUrl()
                + "/ma/api/v2/user/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"demo@example.com\",\"password\":\"demo-password\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        orgId = new ObjectMapper().readTree(user).get("orgId").asText();
        emu.reset(); // the password login above is the test's, not the command's
    }

    @AfterEach
    void close() {
        emu.close();
    }

    private CliRun sso() throws Exception {
        Path script = home.resolve("idp-token");
        Files.writeString(script, TOKEN_SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return new CliRun(home).env("IICS_LOGIN_URL", emu.loginUrl().toString())
                .env("IICS_USERNAME", "sso@example.com").env("IICS_AUTH", "oauth")
                .env("IICS_TOKEN_COMMAND", script.toString()).env("IICS_ORG_ID", orgId);
    }

    @Test
    void aTokenCommandLogsInAndEachLoginGetsAFreshToken() throws Exception {
        CliRun cli = sso();
        CliRun.Result first = cli.execute("run", "Sales/Load Orders", "-o", "json", "--no-session-cache");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        CliRun.Result second = cli.execute("run", "Sales/Load Orders", "-o", "json", "--no-session-cache");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(emu.requests().count("POST /ma/api/v2/user/loginOAuth")).isEqualTo(2);
        assertThat(emu.requests().count(TestCatalog.LOGIN)).isZero();
        assertThat(emu.runs()).hasSize(2).allSatisfy(r -> assertThat(r.startedBy()).isEqualTo("sso@example.com"));
    }

    @Test
    void aMissingTokenCommandOrOrgIdIsAUsageErrorNamingTheSettings() throws Exception {
        CliRun.Result noCommand = sso().unset("IICS_TOKEN_COMMAND").execute("tasks");
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.err()).contains("IICS_TOKEN_COMMAND").contains("token-command");
        CliRun.Result noOrg = sso().unset("IICS_ORG_ID").execute("tasks");
        assertThat(noOrg.exitCode()).isEqualTo(2);
        assertThat(noOrg.err()).contains("IICS_ORG_ID").contains("org-id");
    }

    @Test
    void aTokenCommandThatFailsIsAnAuthErrorOnOneLine() throws Exception {
        CliRun.Result r = sso().env("IICS_TOKEN_COMMAND", "exit 3").execute("tasks");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        assertThat(r.err()).contains("IICS_TOKEN_COMMAND").doesNotContain("Exception");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void aTraceFileUnderVerboseHoldsNoSecretAndTheEmulatorReplaysIt() throws Exception {
        Path har = home.resolve("run.har");
        CliRun.Result run = CliRun.against(emu, home).execute("run", "Sales/Load Orders", "--verbose",
                "--trace-file", har.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String text = Files.readString(har);
        JsonNode entries = new ObjectMapper().readTree(text).path("log").path("entries");
        assertThat(entries.size()).isGreaterThanOrEqualTo(4);
        assertThat(text).doesNotContain(TestCatalog.PASSWORD).contains("redacted-password-1")
                .contains("redacted-session-1");
        String cachedSession = new ObjectMapper().readTree(Files.readString(onlyFile(home.resolve("cache/iicsctl/sessions"))))
                .findValue("sessionId").asText();
        assertThat(text).doesNotContain(cachedSession);
        assertThat(run.err()).doesNotContain(cachedSession).doesNotContain(TestCatalog.PASSWORD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(har))).isEqualTo("rw-------");

        CliRun.Result compare = new CliRun(home).execute("emulator", "--compare", har.toString(), "--catalog",
                Files.writeString(home.resolve("catalog.yaml"), CATALOG).toString());
        assertThat(compare.exitCode()).as(compare.toString()).isZero();
        assertThat(compare.out()).contains(entries.size() + " exchange(s) compared, 0 skipped, 0 difference(s)");
    }

    @Test
    void logoutAllEndsEverySessionOfTheOrganization() throws Exception {
        CliRun cli = CliRun.against(emu, home);
        assertThat(cli.execute("login").exitCode()).isZero();
        String other = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emu.loginUrl() + "/ma/api/v2/user/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"demo@example.com\",\"password\":\"demo-password\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).get("icSessionId").asText();

        CliRun.Result r = cli.execute("logout", "--all");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("logged out demo@example.com");
        assertThat(emu.requests().count("POST /ma/api/v2/user/logoutall")).isEqualTo(1);
        assertThat(cli.execute("whoami").exitCode()).isNotZero();
        int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emu.podUrl()
                + "/saas/api/v2/activity/activityMonitor")).header("icSessionId", other).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
        assertThat(status).isEqualTo(401);

        CliRun.Result wrong = cli.env("IICS_PASSWORD", "not-the-password").execute("logout", "--all");
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(6);
        assertThat(wrong.err().strip().lines()).hasSize(1);
    }

    private static Path onlyFile(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .findFirst().orElseThrow();
        }
    }
}
