package dev.iicsctl.cli.command;

import dev.iicsctl.cli.output.OutputFormat;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The global options {@code -o/--output}, {@code -v/--verbose} and {@code --no-color}. Mixed into the root command
 * and inherited by every subcommand, so they may be given before or after the command name.
 */
public final class OutputOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "text|json", scope = ScopeType.INHERIT,
            description = "Output format on stdout: text for people, json for JSON Lines (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.text;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show the HTTP trace (secrets redacted) and stack traces of errors.")
    boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colour, even on a terminal (NO_COLOR is honoured too).")
    boolean noColor;

    public OutputFormat format() {
        return format;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean noColor() {
        return noColor;
    }
}
