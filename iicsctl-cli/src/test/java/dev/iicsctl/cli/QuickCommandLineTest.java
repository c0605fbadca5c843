package dev.iicsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A quick command (wired alone for start-up speed) answers exactly as it does in the full command tree. */
class QuickCommandLineTest {

    @TempDir
    Path home;

    private record Answer(int code, String out, String err) {}

    private Answer execute(boolean quick, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment env = CliEnvironment.of(Map.of("XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString()), home);
        CommandLine cli = quick
                ? Iicsctl.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env, args)
                : Iicsctl.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env);
        int code = cli.execute(args);
        return new Answer(code, out.toString(), err.toString());
    }

    @Test
    void quickCommandsAreWiredAlone() {
        CommandLine quick = Iicsctl.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                CliEnvironment.of(Map.of(), home), "run", "X");
        assertThat(quick.getSubcommands().keySet()).containsExactly("run");
        CommandLine full = Iicsctl.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                CliEnvironment.of(Map.of(), home), "completion", "bash");
        assertThat(full.getSubcommands()).as("every command and help").hasSize(15);
    }

    @Test
    void answersAreTheSameAsInTheFullTree() {
        List<String[]> cases = List.of(
                new String[] {"run", "--help"},
                new String[] {"run", "--bogus"},
                new String[] {"run", "Sales/Load Orders", "--no-wait", "-o", "yaml"},
                new String[] {"status", "--help"},
                new String[] {"whoami", "-o", "json"},
                new String[] {"logout"},
                new String[] {"history", "Sales/Load Orders", "--limit", "x"},
                new String[] {"tasks", "--login-url", "nowhere-pod"});
        for (String[] args : cases) {
            assertThat(execute(true, args)).as(String.join(" ", args)).isEqualTo(execute(false, args));
        }
    }
}
