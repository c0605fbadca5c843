package dev.iicsctl.cli.help;

import dev.iicsctl.cli.CliEnvironment;
import dev.iicsctl.cli.ExitCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The layout of every command's help: as wide as the terminal ({@code COLUMNS}, else the terminal's own width,
 * else 80 columns), a short usage line, the exit codes that command can return, and its examples.
 */
public final class CommandHelp {
    /** picocli's narrowest layout. */
    private static final int MIN_WIDTH = 55;
    private static final int DEFAULT_WIDTH = 80;
    private static final List<Integer> RUN_OUTCOMES = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 130, 143);

    /** The exit codes each command can return; a command not named here returns 0 or 2. */
    private static final Map<String, List<Integer>> EXIT_CODES = Map.ofEntries(
            Map.entry("iicsctl", RUN_OUTCOMES),
            Map.entry("run", RUN_OUTCOMES),
            Map.entry("resume", RUN_OUTCOMES),
            Map.entry("status", List.of(0, 1, 2, 3, 4, 6, 7, 8, 9)),
            Map.entry("stop", List.of(0, 1, 2, 3, 5, 6, 7, 8)),
            Map.entry("logs", List.of(0, 2, 6, 7, 8)),
            Map.entry("history", List.of(0, 2, 6, 7, 8)),
            Map.entry("monitor", List.of(0, 2, 6, 8, 130)),
            Map.entry("tasks", List.of(0, 2, 6, 8)),
            Map.entry("login", List.of(0, 2, 6, 8)),
            Map.entry("whoami", List.of(0, 2, 6)),
            Map.entry("logout", List.of(0, 2, 6, 8)),
            Map.entry("emulator", List.of(0, 1, 2, 130)),
            Map.entry("demo", List.of(0, 1, 2, 3, 7, 9)));

    private CommandHelp() {}

    /** Lays out the help of the command line and of all its subcommands. */
    public static void apply(CommandLine cli, CliEnvironment env) {
        Optional<Integer> columns = env.get("COLUMNS").flatMap(CommandHelp::number);
        cli.setUsageHelpWidth(Math.max(MIN_WIDTH, columns.orElse(DEFAULT_WIDTH)));
        // Without COLUMNS (a shell does not export it), picocli asks the terminal itself.
        cli.setUsageHelpAutoWidth(columns.isEmpty() && env.stdoutIsTerminal());
        layOut(cli, descriptions());
    }

    private static void layOut(CommandLine cli, Map<Integer, String> descriptions) {
        UsageMessageSpec usage = cli.getCommandSpec().usageMessage();
        usage.abbreviateSynopsis(true);
        Map<String, String> codes = new LinkedHashMap<>();
        for (int code : EXIT_CODES.getOrDefault(cli.getCommandName(), List.of(0, 2))) {
            codes.put(String.format("%2d", code), descriptions.get(code));
        }
        usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        if (usage.footer().length > 0) {
            usage.footerHeading("%nExamples:%n");
        }
        cli.getSubcommands().values().forEach(sub -> layOut(sub, descriptions));
    }

    /** The one-line meaning of each exit code. */
    private static Map<Integer, String> descriptions() {
        Map<Integer, String> descriptions = new LinkedHashMap<>();
        for (String line : ExitCode.HELP_LIST) {
            int colon = line.indexOf(':');
            descriptions.put(Integer.parseInt(line.substring(0, colon).trim()), line.substring(colon + 1));
        }
        return descriptions;
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
