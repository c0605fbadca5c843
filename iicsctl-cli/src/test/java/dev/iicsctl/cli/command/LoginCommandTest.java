package dev.iicsctl.cli.command;

import static dev.iicsctl.cli.TestCatalog.LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import dev.iicsctl.cli.PasswordPrompt;
import dev.iicsctl.cli.TestCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code login}, {@code whoami} and {@code logout} around the session cache. */
class LoginCommandTest extends EmulatorTestBase {

    @Test
    void loginWhoamiLogout() {
        CliRun.Result before = cli.execute("whoami");
        assertThat(before.exitCode()).isEqualTo(6);
        assertThat(before.err()).contains("iicsctl login");

        CliRun.Result login = cli.execute("login");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.out()).contains("logged in as demo@example.com");
        assertThat(emulator.requests().count(LOGIN)).isEqualTo(1);

        CliRun.Result whoami = cli.execute("whoami", "-o", "json");
        assertThat(whoami.exitCode()).isZero();
        JsonNode session = jsonLines(whoami).get(0);
        assertThat(session.fieldNames()).toIterable()
                .containsExactly("loginUrl", "username", "serverUrl", "lastUsed", "cached");
        assertThat(session.get("username").asText()).isEqualTo("demo@example.com");
        assertThat(emulator.requests().total()).as("whoami makes no call").isEqualTo(1);

        CliRun.Result logout = cli.execute("logout");
        assertThat(logout.exitCode()).as(logout.toString()).isZero();
        assertThat(logout.out()).as("stdout is data only").isEmpty();
        assertThat(logout.err()).startsWith("iicsctl: logged out demo@example.com");
        assertThat(cli.execute("whoami").exitCode()).isEqualTo(6);
        assertThat(cli.execute("logout").err()).startsWith("iicsctl: no cached session");
    }

    @Test
    void theV3LoginApiGivesASessionForEveryCommand() {
        CliRun.Result result = cli.env("IICS_AUTH", "v3").execute("run", "Sales/Load Orders", "--poll", "100ms");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(emulator.requests().count("POST /saas/public/core/v3/login")).isEqualTo(1);
        assertThat(emulator.requests().count(LOGIN)).isZero();
        assertThat(cli.execute("login", "--auth", "v4").exitCode()).isEqualTo(2);
    }

    @Test
    void passwordCommandOfAProfile() throws Exception {
        java.nio.file.Path config = java.nio.file.Files.writeString(home.resolve("cmd.yaml"), """
                profiles:
                  local:
                    login-url: %s
                    username: demo@example.com
                    password-command: "printf 'demo-password\\nignored\\n'"
                  broken:
                    login-url: %s
                    username: demo@example.com
                    password-command: "echo 'vault is locked' >&2; exit 3"
                """.formatted(emulator.loginUrl(), emulator.loginUrl()));
        CliRun profiles = new CliRun(home.resolve("fresh")).env("IICSCTL_CONFIG", config.toString());
        CliRun.Result ok = profiles.execute("login", "--profile", "local");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        CliRun.Result broken = new CliRun(home.resolve("other")).env("IICSCTL_CONFIG", config.toString())
                .execute("login", "--profile", "broken");
        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(2);
        assertThat(broken.err()).contains("password-command of profile 'broken' failed (exit 3, no output): vault is "
                + "locked: fix the command");
    }

    @Test
    void loginWithoutCacheIsPointless() {
        assertThat(cli.execute("login", "--no-session-cache").exitCode()).isEqualTo(2);
    }

    @Test
    void profilesGiveTheConnection() throws Exception {
        java.nio.file.Path config = java.nio.file.Files.writeString(home.resolve("config.yaml"), """
                default-profile: local
                profiles:
                  local:
                    login-url: %s
                    username: demo@example.com
                    password-env: LOCAL_PASSWORD
                  other:
                    login-url: http://127.0.0.1:1
                    username: nobody@example.com
                """.formatted(emulator.loginUrl()));
        CliRun profiles = new CliRun(home).env("IICSCTL_CONFIG", config.toString())
                .env("LOCAL_PASSWORD", "demo-password");
        CliRun.Result result = profiles.execute("login");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        CliRun.Result other = profiles.execute("whoami", "--profile", "other");
        assertThat(other.exitCode()).isEqualTo(6);
        assertThat(other.err()).contains("nobody@example.com");
    }

    @Test
    void loginWithAnAliveCachedSessionAndNoPasswordSaysSoAndExitsZero() {
        assertThat(cli.execute("login").exitCode()).isZero();

        CliRun.Result again = cli.unset("IICS_PASSWORD").execute("login");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).contains("iicsctl: already logged in as demo@example.com");
        assertThat(again.out()).contains("logged in as demo@example.com");
        assertThat(emulator.requests().count(LOGIN)).as("no second login").isEqualTo(1);
    }

    @Test
    void onATerminalWithNoPasswordSourceLoginAsksForIt() {
        List<String> asked = new ArrayList<>();
        CliRun.Result result = cli.unset("IICS_PASSWORD").terminal(true).prompt(answering(asked, TestCatalog.PASSWORD)).execute("login");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(asked).containsExactly("Password: ");
    }

    @Test
    void anAliveCachedSessionIsUsedWithoutAskingForThePassword() {
        assertThat(cli.execute("login").exitCode()).isZero();
        CliRun.Result tasks = cli.unset("IICS_PASSWORD").terminal(true).prompt(prompt -> {
            throw new AssertionError("asked for a password although the cached session is alive");
        }).execute("tasks");
        assertThat(tasks.exitCode()).as(tasks.toString()).isZero();
    }

    @Test
    void passwordStdinFromAPipeReadsOneLineWithoutAPrompt() {
        List<String> asked = new ArrayList<>();
        CliRun.Result result = cli.unset("IICS_PASSWORD").stdin(TestCatalog.PASSWORD + "\nsecond line\n")
                .prompt(answering(asked, null)).execute("login", "--password-stdin");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(asked).as("stdin is not a terminal: no prompt").isEmpty();
        assertThat(result.err()).doesNotContain("Password");
    }

    @Test
    void passwordStdinOnATerminalIsAskedWithEchoOff() {
        List<String> asked = new ArrayList<>();
        CliRun.Result result = cli.unset("IICS_PASSWORD").terminal(true).prompt(answering(asked, TestCatalog.PASSWORD)).execute("login", "--password-stdin");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(asked).containsExactly("Password: ");
    }

    /** A prompt that records what it was asked and answers with the password (none when null). */
    private static PasswordPrompt answering(List<String> asked, String password) {
        return prompt -> {
            asked.add(prompt);
            return Optional.ofNullable(password).map(String::toCharArray);
        };
    }

    @Test
    void logoutOfAnIdleCachedSessionNeverAsksForAPassword() throws Exception {
        assertThat(cli.execute("login").exitCode()).isZero();
        // Make the cached session look idle for an hour: a command would now log in again.
        try (var files = java.nio.file.Files.list(home.resolve("cache/iicsctl/sessions"))) {
            for (java.nio.file.Path file : files.toList()) {
                String json = java.nio.file.Files.readString(file);
                java.nio.file.Files.writeString(file, json.replaceAll("\"lastUsedAt\"\\s*:\\s*\"[^\"]+\"",
                        "\"lastUsedAt\":\"" + java.time.Instant.now().minusSeconds(3600) + "\""));
            }
        }
        CliRun.Result logout = cli.unset("IICS_PASSWORD").terminal(true).prompt(prompt -> {
            throw new AssertionError("logout asked for a password");
        }).execute("logout");
        assertThat(logout.exitCode()).as(logout.toString()).isZero();
    }
}
