package dev.iicsctl.cli.manpage;

import dev.iicsctl.cli.CliEnvironment;
import dev.iicsctl.cli.Iicsctl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Writes {@code iicsctl.1} and one {@code iicsctl-COMMAND.1} per command. The build runs it (profile {@code dist},
 * docs/install.md) on the command line that {@code main} wires, so the pages are made from the commands as they
 * are, never from a copy; {@code ManPagesTest} checks that they say what {@code --help} says.
 */
public final class ManPages {
    private ManPages() {}

    /**
     * Writes the pages into the folder named by the first argument.
     *
     * @param args the output folder
     * @throws IOException when a page cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ManPages OUTPUT_DIR");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (ManPage page : all()) {
            Files.writeString(dir.resolve(page.name() + ".1"), page.roff(), StandardCharsets.UTF_8);
        }
    }

    /** Every page: the root command's first, then each command's in the order of the usage help. */
    public static List<ManPage> all() {
        // No terminal and no COLUMNS: the 80-column layout, whatever the build machine's environment is.
        CommandLine root = Iicsctl.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                CliEnvironment.of(Map.of(), Path.of(System.getProperty("java.io.tmpdir"))));
        List<ManPage> pages = new ArrayList<>();
        pages.add(new ManPage(root, Iicsctl.version()));
        root.getSubcommands().values().forEach(sub -> pages.add(new ManPage(sub, Iicsctl.version())));
        return pages;
    }
}
