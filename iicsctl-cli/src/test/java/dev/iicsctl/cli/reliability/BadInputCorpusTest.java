package dev.iicsctl.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import dev.iicsctl.cli.TestCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad input corpus: commands, options, durations, task names, config files, catalogs and credentials that
 * are wrong, each with the exit code and a fragment of the one line that must say what is wrong. For every
 * case: exactly that line on stderr (a usage summary may follow a bad option), no stack trace, nothing on
 * stdout, and no job started.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BadInputCorpusTest extends EmulatorTestBase {

    /** Prepares a case (files, environment) and runs iicsctl once. */
    @FunctionalInterface
    interface Invocation {
        CliRun.Result run(CliRun cli, Path home) throws IOException;
    }

    private static Arguments bad(String what, int exit, String fragment, Invocation invocation) {
        return Arguments.of(what, exit, fragment, invocation);
    }

    private static Invocation args(String... args) {
        return (cli, home) -> cli.execute(args);
    }

    private static Invocation withConfig(String yaml, String mode, String... args) {
        return (cli, home) -> {
            Path config = Files.writeString(home.resolve("config.yaml"), yaml);
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString(mode));
            // The profile alone: no password or URL from the environment hides what the file says.
            return cli.unset("IICS_PASSWORD").env("IICSCTL_CONFIG", config.toString()).execute(args);
        };
    }

    private static Invocation withCatalog(String yaml, String... more) {
        return (cli, home) -> {
            Path catalog = Files.writeString(home.resolve("catalog.yaml"), yaml);
            String[] args = Stream.concat(Stream.of("emulator", "--port", "0", "--catalog", catalog.toString()),
                    Stream.of(more)).toArray(String[]::new);
            return cli.execute(args);
        };
    }

    private static Invocation withEnv(String name, String value, String... args) {
        return (cli, home) -> cli.env(name, value).execute(args);
    }

    private static Invocation without(String name, String... args) {
        return (cli, home) -> cli.unset(name).execute(args);
    }

    static Stream<Arguments> corpus() {
        String orders = "Sales/Load Orders";
        String profileHead = "default-profile: p\nprofiles:\n  p:\n    username: demo@example.com\n";
        return Stream.of(
                // commands and options
                bad("unknown command", 2, "unknown command 'runn'", args("runn", orders)),
                bad("unknown option", 2, "--timout", args("run", orders, "--timout", "5m")),
                bad("run without a task", 2, "no task given", args("run")),
                bad("status without a task", 2, "no task given", args("status")),
                bad("history limit zero", 2, "--limit", args("history", orders, "--limit", "0")),
                bad("history limit not a number", 2, "--limit", args("history", orders, "--limit", "ten")),
                bad("parallel zero", 2, "--parallel", args("run", orders, "--parallel", "0")),
                bad("unknown if-running policy", 2, "--if-running", args("run", orders, "--if-running", "sometimes")),
                bad("unknown on-timeout action", 2, "--on-timeout", args("run", orders, "--on-timeout", "maybe")),
                bad("unknown on-interrupt action", 2, "--on-interrupt", args("run", orders, "--on-interrupt", "ignore")),
                bad("unknown output format", 2, "yaml", args("tasks", "-o", "yaml")),
                bad("unknown shell for completion", 2, "tcsh", args("completion", "tcsh")),
                bad("run id not a number", 2, "--run-id", args("status", orders, "--run-id", "latest")),
                bad("run id of no run", 2, "999", args("logs", orders, "--run-id", "999")),
                bad("unknown task type", 2, "MAPPING", args("run", orders, "-t", "MAPPING")),
                bad("task id without a type", 2, "-t/--type", args("run", "--id", TestCatalog.class.getSimpleName())),
                bad("tasks of an unknown type", 2, "XYZ", args("tasks", "--type", "XYZ")),
                bad("input without '='", 2, "--input", args("run", "Orchestration/Flow", "--input", "region")),
                bad("input JSON file missing", 2, "no-inputs.json", args("run", "Orchestration/Flow", "--input-json",
                        "no-inputs.json")),
                // durations
                bad("duration in words", 2, "'5 minutes'", args("run", orders, "--timeout", "5 minutes")),
                bad("duration with an unknown unit", 2, "'5x'", args("run", orders, "--timeout", "5x")),
                bad("negative duration", 2, "-5m", args("run", orders, "--timeout", "-5m")),
                bad("poll interval not a duration", 2, "--poll", args("run", orders, "--poll", "often")),
                bad("monitor interval in years", 2, "1y", args("monitor", "--interval", "1y")),
                bad("emulator session timeout", 2, "5q", args("emulator", "--port", "0", "--session-timeout", "5q")),
                bad("read timeout of zero", 2, "--read-timeout': '0s' is zero", args("tasks", "--read-timeout", "0s")),
                bad("read timeout variable", 2, "IICS_READ_TIMEOUT", withEnv("IICS_READ_TIMEOUT", "soon", "tasks")),
                // task names
                bad("unknown task path", 7, "Sales/No Such Task", args("run", "Sales/No Such Task")),
                bad("unknown task name", 7, "No Such Task", args("status", "No Such Task")),
                bad("ambiguous task name", 7, "Finance/Load Orders", args("run", "Load Orders")),
                bad("task of another type", 7, orders, args("run", orders, "-t", "DSS")),
                bad("stop of an unknown task", 7, "Nowhere/Nothing", args("stop", "Nowhere/Nothing")),
                bad("unpublished taskflow", 7, "publish the taskflow", args("run", "Orchestration/Draft Flow")),
                bad("resume of an unknown taskflow run", 2, "1234567890123456789",
                        args("resume", "1234567890123456789")),
                bad("unknown federated id", 7, "NoSuchFederatedId0000", args("run", "--federated-id",
                        "NoSuchFederatedId0000", "-t", "MTT")),
                // config files
                bad("config key misspelt", 2, "loginurl", withConfig("profiles:\n  p:\n    loginurl: dm-us\n",
                        "rw-------", "tasks")),
                bad("config not YAML", 2, "not valid YAML at line 1 (while parsing", withConfig("profiles: [unclosed\n", "rw-------", "tasks")),
                bad("config file missing", 2, "not found", args("tasks", "--config", "/nonexistent/iicsctl.yaml")),
                bad("default profile missing", 2, "'nope'", withConfig("default-profile: nope\nprofiles:\n  p: {}\n",
                        "rw-------", "tasks")),
                bad("profile not in the file", 2, "'other'", withConfig(profileHead, "rw-------", "tasks",
                        "--profile", "other")),
                bad("plaintext password readable by others", 2, "chmod 600", withConfig(profileHead
                        + "    password: secret-in-file\n", "rw-r--r--", "tasks")),
                bad("unknown auth in profile", 2, "v4", withConfig(profileHead + "    auth: v4\n", "rw-------",
                        "tasks")),
                bad("allow-insecure-http not a boolean", 2, "allow-insecure-http", withConfig(profileHead
                        + "    allow-insecure-http: sometimes\n", "rw-------", "tasks")),
                // catalogs
                bad("catalog missing", 2, "missing.yaml", args("emulator", "--port", "0", "--catalog", "missing.yaml")),
                bad("catalog with an unknown task type", 2, "XYZ", withCatalog("tasks:\n  - path: A/B\n    type: XYZ\n")),
                bad("catalog not YAML", 2, "catalog", withCatalog("tasks: [unclosed\n")),
                bad("catalog with an unknown field", 2, "colour", withCatalog(
                        "tasks:\n  - path: A/B\n    type: MTT\n    colour: red\n")),
                bad("catalog with a bad duration", 2, "3 sec", withCatalog(
                        "tasks:\n  - path: A/B\n    type: MTT\n    run: {duration: 3 sec}\n")),
                bad("emulator port not a number", 2, "--port", args("emulator", "--port", "http")),
                // credentials and connection
                bad("wrong password", 6, "demo@example.com", withEnv("IICS_PASSWORD", "not-the-password", "tasks")),
                bad("no password", 2, "no password", without("IICS_PASSWORD", "tasks")),
                bad("no user name", 2, "IICS_USERNAME", without("IICS_USERNAME", "tasks")),
                bad("empty stdin for the password", 2, "--password-stdin", (cli, home) -> cli.unset("IICS_PASSWORD")
                        .stdin("").execute("tasks", "--password-stdin")),
                bad("password variable unset", 2, "NO_SUCH_PASSWORD_VARIABLE", withConfig(profileHead
                        + "    password-env: NO_SUCH_PASSWORD_VARIABLE\n", "rw-------", "tasks")),
                bad("password command fails", 2, "password-command", withConfig(profileHead
                        + "    password-command: \"exit 3\"\n", "rw-------", "tasks")),
                bad("a password flag, which does not exist", 2, "there is no --password option", args("tasks",
                        "--password", TestCatalog.PASSWORD)),
                bad("a password flag with '='", 2, "--password-stdin", args("tasks", "--password=" + TestCatalog.PASSWORD)),
                bad("unknown login API", 2, "v9", args("tasks", "--auth", "v9")),
                bad("unknown pod short name", 2, "dm-us", withEnv("IICS_LOGIN_URL", "dm-mars", "tasks")),
                bad("plain http to another host", 2, "--allow-insecure-http", withEnv("IICS_LOGIN_URL",
                        "http://iics.example.com", "tasks")),
                bad("login URL of another scheme", 2, "ftp", withEnv("IICS_LOGIN_URL", "ftp://iics.example.com", "tasks")),
                bad("CA file missing", 2, "no-ca.pem", args("tasks", "--ca-file", "no-ca.pem")),
                bad("proxy with credentials", 2, "proxy", args("tasks", "--proxy", "user:secret@127.0.0.1:3128")));
    }

    @ParameterizedTest(name = "[{index}] {0} -> exit {1}")
    @MethodSource("corpus")
    void aBadInputIsOneClearLineAndTheDocumentedExitCode(String what, int exit, String fragment, Invocation invocation)
            throws IOException {
        CliRun.Result result = invocation.run(cli, home);
        assertThat(result.exitCode()).as(what + "\n" + result).isEqualTo(exit);
        assertThat(result.out()).as(what + ": nothing on stdout").isEmpty();
        List<String> lines = result.err().lines().toList();
        assertThat(lines).as(what + ": stderr").isNotEmpty();
        assertThat(lines.get(0)).as(what).startsWith("iicsctl: ").contains(fragment);
        // A bad command or option may be followed by one hint naming the help to read, nothing else.
        assertThat(lines.subList(1, lines.size())).as(what + ": only one hint may follow\n" + result)
                .hasSizeLessThanOrEqualTo(1).allMatch(l -> l.startsWith("iicsctl: see 'iicsctl "));
        assertThat(result.err()).as(what).doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain(TestCatalog.PASSWORD).doesNotContain("not-the-password").doesNotContain("secret");
        assertThat(emulator.runs()).as(what + ": nothing started").isEmpty();
    }

    @Test
    void theCorpusKeepsAtLeastFortyCases() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(40);
    }
}
