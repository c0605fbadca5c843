package dev.iicsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** docs/cli.md and the README keep up with the commands: every command, option and exit code is documented. */
class DocsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }

    private static CommandLine commandLine() {
        return Iicsctl.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                CliEnvironment.of(java.util.Map.of(), ROOT));
    }

    @Test
    void everyCommandAndOptionIsInTheCommandReference() throws IOException {
        String docs = read("docs/cli.md");
        commandLine().getSubcommands().forEach((name, sub) -> {
            assertThat(docs).as("command " + name).contains("\niicsctl " + name + " ");
            for (OptionSpec option : sub.getCommandSpec().options()) {
                assertThat(docs).as(name + " " + option.longestName()).contains(option.longestName());
            }
        });
    }

    @Test
    void everyExitCodeIsInTheReadmeAndTheReference() throws IOException {
        for (String file : new String[] {"README.md", "docs/cli.md"}) {
            String text = read(file);
            for (String line : ExitCode.HELP_LIST) {
                String code = line.substring(0, line.indexOf(':')).trim();
                assertThat(text).as(file + " exit code " + code).containsPattern("\\| (130, )?" + code + "[ ,|]");
            }
        }
    }
}
