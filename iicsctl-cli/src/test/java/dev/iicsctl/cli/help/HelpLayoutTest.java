package dev.iicsctl.cli.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliEnvironment;
import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.Iicsctl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The help of every command in an 80-column terminal: no line longer than 80, no word split across lines and no
 * token of the usage line broken (the words are the same as in a help too wide to wrap), a summary that is a
 * complete phrase, only the exit codes the command can return, and examples.
 */
class HelpLayoutTest {
    @TempDir
    Path home;

    static Stream<String> commands() {
        CommandLine cli = Iicsctl.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                CliEnvironment.of(Map.of(), Path.of("/nonexistent")));
        List<String> names = new ArrayList<>(List.of(""));
        names.addAll(cli.getSubcommands().keySet());
        return names.stream();
    }

    private CliRun.Result help(String command, int columns) {
        String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        CliRun.Result result = new CliRun(home).env("COLUMNS", Integer.toString(columns)).execute(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    @ParameterizedTest(name = "iicsctl {0} --help")
    @MethodSource("commands")
    void fitsEightyColumnsWithNoWordSplit(String command) {
        String narrow = help(command, 80).out();
        assertThat(narrow.lines()).as(narrow).allSatisfy(line -> assertThat(line.length()).as(line)
                .isLessThanOrEqualTo(80));
        String wide = help(command, 1000).out();
        List<String> narrowWords = words(narrow);
        List<String> wideWords = words(wide);
        int at = 0;
        while (at < Math.min(narrowWords.size(), wideWords.size()) && narrowWords.get(at).equals(wideWords.get(at))) {
            at++;
        }
        assertThat(narrowWords).as("the words at 80 columns are those of an unwrapped help; first difference at '"
                + String.join(" ", narrowWords.subList(Math.max(0, at - 3), Math.min(narrowWords.size(), at + 3)))
                + "' in:%n%s", narrow).isEqualTo(wideWords);
    }

    @ParameterizedTest(name = "iicsctl {0} --help")
    @MethodSource("commands")
    void hasExamplesAndExitCodes(String command) {
        String help = help(command, 80).out();
        assertThat(help).as(help).contains("Exit codes:").containsPattern("\\n +0 +success");
        if (!command.equals("help")) {
            assertThat(help).as(help).containsPattern("Examples:\\n  \\S");
        }
    }

    @Test
    void everySummaryInTheCommandListIsACompletePhraseOnOneLine() {
        String root = help("", 80).out();
        CommandLine cli = Iicsctl.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                CliEnvironment.of(Map.of(), Path.of("/nonexistent")));
        cli.getSubcommands().forEach((name, sub) -> {
            var usage = sub.getCommandSpec().usageMessage();
            String summary = (usage.header().length > 0 ? usage.header() : usage.description())[0];
            assertThat(summary).as(name).endsWith(".");
            assertThat(root).as(root).containsPattern("\\n  " + name + " +" + java.util.regex.Pattern.quote(summary)
                    + "\\n");
        });
    }

    @Test
    void aCommandListsOnlyTheExitCodesItCanReturn() {
        String logout = help("logout", 80).out();
        assertThat(logout).doesNotContain("the run failed").doesNotContain("interrupted by SIGTERM");
        assertThat(help("run", 80).out()).contains("the run failed").contains("a taskflow is suspended");
        assertThat(help("whoami", 80).out()).contains("authentication failed").doesNotContain("the run failed");
    }

    @Test
    void helpCommandShowsTheHelpOfACommand() {
        CliRun.Result result = new CliRun(home).env("COLUMNS", "80").execute("help", "run");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(help("run", 80).out());
    }

    @Test
    void theWidthFollowsTheTerminal() {
        assertThat(help("run", 120).out().lines().mapToInt(String::length).max().orElseThrow())
                .isGreaterThan(80).isLessThanOrEqualTo(120);
    }

    private static List<String> words(String text) {
        return List.of(text.trim().split("\\s+"));
    }
}
