package dev.iicsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.emulator.fault.FaultRule;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every bad input gives one line naming the problem and the fix, the documented exit code, and no stack trace
 * unless --verbose.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BadInputTest extends EmulatorTestBase {

    /** The first stderr line, asserting that it is an iicsctl error and that no stack trace follows. */
    private static String oneLineError(CliRun.Result result, int exitCode) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.out()).as("nothing on stdout").isEmpty();
        assertThat(result.err()).startsWith("iicsctl: ").doesNotContain("\tat ").doesNotContain("Exception");
        return result.err().lines().findFirst().orElseThrow();
    }

    @Test
    void unknownCommand() {
        CliRun.Result result = cli.execute("runn", "x");
        assertThat(oneLineError(result, 2)).contains("unknown command 'runn'");
        assertThat(result.err()).contains("iicsctl --help");
    }

    @Test
    void unknownOption() {
        CliRun.Result result = cli.execute("run", "Sales/Load Orders", "--timout", "5m");
        assertThat(oneLineError(result, 2)).isEqualTo("iicsctl: unknown option '--timout': did you mean '--timeout'?");
        assertThat(result.err().lines()).as("one line and one hint").containsExactly(
                "iicsctl: unknown option '--timout': did you mean '--timeout'?", "iicsctl: see 'iicsctl run --help'");
        assertThat(emulator.runs()).isEmpty();
    }

    @Test
    void aBadEnumValueIsOneLineWithTheValuesInLowerCase() {
        CliRun.Result result = cli.execute("run", "Sales/Load Orders", "--if-running", "nope");
        assertThat(result.err().lines()).containsExactly(
                "iicsctl: invalid value 'nope' for --if-running: use one of fail, attach, wait, start",
                "iicsctl: see 'iicsctl run --help'");
    }

    @Test
    void badDuration() {
        CliRun.Result result = cli.execute("run", "Sales/Load Orders", "--timeout", "5 minutes");
        assertThat(oneLineError(result, 2)).contains("--timeout").contains("'5 minutes'").contains("90s, 5m, 2h, 1h30m")
                .contains("PT5M");
    }

    @Test
    void unknownTask() {
        assertThat(oneLineError(cli.execute("run", "Sales/No Such Task"), 7)).contains("Sales/No Such Task");
        assertThat(oneLineError(cli.execute("status", "No Such Task"), 7)).contains("No Such Task");
    }

    @Test
    void aPathNotFoundSuggestsTheClosestCaseInsensitivelyAndWithSmallEdits() {
        assertThat(oneLineError(cli.execute("run", "sales/load orders"), 7)).endsWith("did you mean 'Sales/Load Orders'?");
        assertThat(oneLineError(cli.execute("history", "Sales/Lod Ordrs"), 7)).contains("did you mean 'Sales/Load Orders'");
        assertThat(oneLineError(cli.execute("status", "Load Ordres"), 7)).contains("did you mean 'Load Orders'");
        assertThat(oneLineError(cli.execute("run", "Sales/Completely Different"), 7)).doesNotContain("did you mean");
    }

    @Test
    void anUnquotedNameWithSpacesIsToldToQuoteIt() {
        assertThat(oneLineError(cli.execute("run", "Sales/Load", "Orders"), 7))
                .contains("a name with spaces must be quoted: \"Sales/Load Orders\"");
        assertThat(oneLineError(cli.execute("status", "Sales/Load", "Orders"), 2))
                .contains("a name with spaces must be quoted: \"Sales/Load Orders\"");
        assertThat(emulator.runs()).isEmpty();
    }

    @Test
    void ambiguousName() {
        String line = oneLineError(cli.execute("run", "Load Orders"), 7);
        assertThat(line).contains("Sales/Load Orders").contains("Finance/Load Orders");
    }

    @Test
    void badType() {
        assertThat(oneLineError(cli.execute("run", "Sales/Load Orders", "-t", "MAPPING"), 2))
                .contains("MAPPING").contains("MTT");
        assertThat(oneLineError(cli.execute("run", "--id", "0100000Z00000000001N"), 2)).contains("-t/--type");
    }

    @Test
    void missingTask() {
        assertThat(oneLineError(cli.execute("run"), 2)).contains("no task given");
    }

    @Test
    void unreachableLoginUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRun.Result result = cli.env("IICS_LOGIN_URL", "http://127.0.0.1:" + port).execute("tasks");
        assertThat(oneLineError(result, 8)).contains("127.0.0.1:" + port);
    }

    @Test
    void anApiThatKeepsFailingIsExitEightWithoutTheHtmlPage() {
        assertThat(cli.execute("login").exitCode()).isZero();
        emulator.addFault(FaultRule.status("GET", "/saas/api/v2/activity/*", 503, "text/html",
                "<html><body>Service Unavailable</body></html>"));
        CliRun.Result result = cli.execute("history", "Sales/Load Orders");
        assertThat(oneLineError(result, 8)).doesNotContain("<html>");
    }

    @Test
    void invalidLoginUrl() {
        assertThat(oneLineError(cli.env("IICS_LOGIN_URL", "dm-mars").execute("tasks"), 2)).contains("dm-us");
    }

    @Test
    void wrongPasswordIsNotRetried() {
        CliRun.Result result = cli.env("IICS_PASSWORD", "wrong").execute("run", "Sales/Load Orders");
        assertThat(oneLineError(result, 6)).doesNotContain("wrong");
        assertThat(emulator.requests().count(TestCatalog.LOGIN)).isEqualTo(1);
        assertThat(emulator.runs()).isEmpty();
    }

    @Test
    void missingPassword() {
        String line = oneLineError(cli.unset("IICS_PASSWORD").execute("tasks"), 2);
        assertThat(line).contains("no password").contains("IICS_PASSWORD").contains("--password-stdin");
    }

    @Test
    void passwordFromStdin() {
        CliRun.Result result = cli.unset("IICS_PASSWORD").stdin(TestCatalog.PASSWORD + "\n")
                .execute("tasks", "--password-stdin");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        // A fresh cache, so that a password is needed.
        CliRun noCache = CliRun.against(emulator, home.resolve("other")).unset("IICS_PASSWORD").stdin("");
        assertThat(oneLineError(noCache.execute("tasks", "--password-stdin"), 2)).contains("--password-stdin");
    }

    @Test
    void missingUserName() {
        assertThat(oneLineError(cli.unset("IICS_USERNAME").execute("tasks"), 2)).contains("--username")
                .contains("IICS_USERNAME");
    }

    @Test
    void badConfigFile() throws IOException {
        Path config = Files.writeString(home.resolve("config.yaml"), "profiles:\n  prod:\n    loginurl: dm-us\n");
        String line = oneLineError(cli.env("IICSCTL_CONFIG", config.toString()).execute("tasks"), 2);
        assertThat(line).contains(config.toString()).contains("loginurl").contains("login-url");
        Files.writeString(config, "profiles: [unclosed\n");
        assertThat(oneLineError(cli.execute("tasks", "--config", config.toString()), 2)).contains("not valid YAML");
        assertThat(oneLineError(cli.execute("tasks", "--config", home.resolve("none.yaml").toString()), 2))
                .contains("not found");
    }

    @Test
    void plaintextPasswordInAFileOthersCanRead() throws IOException {
        Path config = Files.writeString(home.resolve("config.yaml"), "default-profile: local\nprofiles:\n  local:\n"
                + "    login-url: " + emulator.loginUrl() + "\n    username: demo@example.com\n"
                + "    password: demo-password\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun profileOnly = new CliRun(home).env("IICSCTL_CONFIG", config.toString());
        String line = oneLineError(profileOnly.execute("tasks"), 2);
        assertThat(line).contains("chmod 600 " + config).doesNotContain("demo-password");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        assertThat(profileOnly.execute("tasks").exitCode()).isZero();
    }

    @Test
    void unreadableCaFile() {
        String line = oneLineError(cli.execute("tasks", "--ca-file", home.resolve("no-ca.pem").toString()), 2);
        assertThat(line).contains("no-ca.pem");
    }

    @Test
    void unreadableCatalog() {
        String line = oneLineError(cli.execute("emulator", "--port", "0", "--catalog",
                home.resolve("missing.yaml").toString()), 2);
        assertThat(line).contains("missing.yaml");
    }

    @Test
    void invalidCatalog() throws IOException {
        Path catalog = Files.writeString(home.resolve("catalog.yaml"), "tasks:\n  - path: NoFolder\n    type: XYZ\n");
        String line = oneLineError(cli.execute("emulator", "--port", "0", "--catalog", catalog.toString()), 2);
        assertThat(line).contains("catalog");
    }

    @Test
    void verboseShowsTheStackTrace() {
        CliRun.Result result = cli.env("IICS_PASSWORD", "wrong").execute("tasks", "--verbose");
        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.err()).contains("\tat ");
    }
}
