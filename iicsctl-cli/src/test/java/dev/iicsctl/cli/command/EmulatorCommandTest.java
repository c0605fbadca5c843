package dev.iicsctl.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.Awaits;
import dev.iicsctl.cli.CliEnvironment;
import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.Iicsctl;
import dev.iicsctl.emulator.EmulatorOption;
import dev.iicsctl.emulator.EmulatorOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmulatorCommandTest {
    @TempDir
    Path home;

    @Test
    void servesACatalogInTheForegroundUntilInterrupted() throws Exception {
        Path catalog = Files.writeString(home.resolve("catalog.yaml"), """
                users:
                  - {username: ops@example.com, password: ops-secret, org: Ops}
                tasks:
                  - path: Ops/Nightly Export
                    type: DSS
                    run: {duration: 200ms, outcome: success}
                """);
        StringWriter out = new StringWriter();
        CliEnvironment env = CliEnvironment.of(Map.of(), home);
        CompletableFuture<Integer> code = new CompletableFuture<>();
        Thread server = new Thread(() -> code.complete(Iicsctl.commandLine(new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true), env).execute("emulator", "--port", "0", "--catalog",
                catalog.toString(), "--latency", "10ms", "--visibility-delay", "100ms", "--seed", "7")));
        server.start();
        Pattern url = Pattern.compile("login URL: (http://127\\.0\\.0\\.1:\\d+)");
        Matcher matcher = url.matcher("");
        Awaits.until("the emulator's login URL printed", Duration.ofSeconds(30),
                () -> matcher.reset(out.toString()).find());
        assertThat(out.toString()).contains("ops@example.com").doesNotContain("ops-secret");

        CliRun.Result run = new CliRun(home).env("IICS_LOGIN_URL", matcher.group(1))
                .env("IICS_USERNAME", "ops@example.com").env("IICS_PASSWORD", "ops-secret")
                .execute("run", "Nightly Export", "--poll", "100ms");
        assertThat(run.exitCode()).as(run.toString()).isZero();

        server.interrupt();
        assertThat(code.get(10, TimeUnit.SECONDS)).isEqualTo(130);
    }

    /** The command reads durations with the emulator jar's grammar: {@code --latency 0} works with both. */
    @Test
    void takesTheDurationsOfTheEmulatorJar() {
        CommandLine cli = Iicsctl.commandLine(new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), CliEnvironment.of(Map.of(), home));
        CommandLine.ParseResult parsed = cli.parseArgs("emulator", "--latency", "0", "--jwt-lifetime", "2d");
        assertThat(parsed.subcommand().matchedOptionValue("--latency", (Object) null)).isEqualTo(Duration.ZERO);
        assertThat(parsed.subcommand().matchedOptionValue("--jwt-lifetime", (Object) null)).isEqualTo(Duration.ofDays(2));
    }

    /** One declaration: the command has every option of the emulator's jar, with the jar's help. */
    @Test
    void hasTheOptionsOfTheEmulatorJar() {
        CommandLine emulator = Iicsctl.commandLine(new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), CliEnvironment.of(Map.of(), home)).getSubcommands().get("emulator");
        for (EmulatorOption<?> option : EmulatorOptions.ALL) {
            assertThat(emulator.getCommandSpec().findOption(option.name())).as(option.name()).isNotNull()
                    .satisfies(o -> assertThat(o.description()).containsExactly(option.description()));
        }
    }

    @Test
    void aPortInUseIsAUsageError() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            CliRun.Result result = new CliRun(home).execute("emulator", "--port",
                    Integer.toString(socket.getLocalPort()));
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).contains("--port").doesNotContain("Exception");
        }
    }
}
