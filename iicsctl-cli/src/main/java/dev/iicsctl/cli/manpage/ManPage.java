package dev.iicsctl.cli.manpage;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * One command's manual page in roff ({@code man(7)} macros), written from the same picocli model as its
 * {@code --help}: the synopsis, description, options, arguments, subcommands, exit codes and examples. Nothing is
 * written by hand, so the page cannot say what the help does not.
 */
public final class ManPage {
    private final CommandLine command;
    private final String version;

    /**
     * @param command the command line of one command, as wired for the process (its help layout applied)
     * @param version the version printed in the page footer
     */
    public ManPage(CommandLine command, String version) {
        this.command = command;
        this.version = version;
    }

    /** The page's name: {@code iicsctl} for the root command, {@code iicsctl-run} for {@code run}. */
    public String name() {
        return command.getCommandSpec().qualifiedName("-");
    }

    /** The page as roff source. */
    public String roff() {
        CommandSpec spec = command.getCommandSpec();
        UsageMessageSpec usage = spec.usageMessage();
        StringBuilder page = new StringBuilder();
        page.append(".TH ").append(quote(name().toUpperCase(Locale.ROOT))).append(" 1 \"\" ")
                .append(quote("iicsctl " + version)).append(" \"iicsctl manual\"\n");
        page.append(".SH NAME\n").append(text(name())).append(" \\- ").append(text(summary(spec))).append('\n');
        page.append(".SH SYNOPSIS\n.nf\n");
        // picocli's own synopsis, so that it reads as in --help; without the "Usage: " heading.
        Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
        page.append(text(help.synopsis(0).strip())).append("\n.fi\n");
        page.append(".SH DESCRIPTION\n").append(paragraphs(descriptionWithHeader(usage)));
        section(page, "OPTIONS", options(spec));
        section(page, "ARGUMENTS", arguments(spec));
        section(page, "COMMANDS", commands(spec));
        section(page, "EXIT STATUS", exitCodes(usage.exitCodeList()));
        if (usage.footer().length > 0) {
            page.append(".SH EXAMPLES\n.nf\n");
            for (String line : usage.footer()) {
                page.append(text(format(line))).append('\n');
            }
            page.append(".fi\n");
        }
        page.append(".SH SEE ALSO\n").append(text(seeAlso(spec))).append('\n');
        return page.toString();
    }

    private static void section(StringBuilder page, String title, String body) {
        if (!body.isEmpty()) {
            page.append(".SH ").append(title).append('\n').append(body);
        }
    }

    /** The one-line summary that the root command's list shows: the header, else the description's first line. */
    private static String summary(CommandSpec spec) {
        UsageMessageSpec usage = spec.usageMessage();
        String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
        return lines.length == 0 ? spec.name() : format(lines[0]).strip();
    }

    /** The header (shown above the synopsis by --help) and the description, as one text. */
    private static String[] descriptionWithHeader(UsageMessageSpec usage) {
        List<String> lines = new ArrayList<>(List.of(usage.header()));
        lines.add("");
        lines.addAll(List.of(usage.description()));
        return lines.toArray(String[]::new);
    }

    /** Lines of a picocli description; an empty line starts a new paragraph. */
    private static String paragraphs(String[] lines) {
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (String line : lines) {
            String formatted = format(line);
            if (formatted.isBlank()) {
                start = true;
                continue;
            }
            if (start && out.length() > 0) {
                out.append(".PP\n");
            }
            out.append(text(formatted)).append('\n');
            start = false;
        }
        return out.toString();
    }

    private static String options(CommandSpec spec) {
        List<OptionSpec> options = new ArrayList<>(spec.options());
        options.removeIf(OptionSpec::hidden);
        StringBuilder out = new StringBuilder();
        for (OptionSpec option : options) {
            List<String> names = new ArrayList<>();
            for (String name : option.names()) {
                names.add("\\fB" + text(name) + "\\fR");
            }
            String label = option.arity().max() > 0 ? "=\\fI" + text(option.paramLabel()) + "\\fR" : "";
            out.append(".TP\n").append(String.join(", ", names)).append(label).append('\n');
            out.append(description(option));
        }
        return out.toString();
    }

    private static String arguments(CommandSpec spec) {
        StringBuilder out = new StringBuilder();
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            if (!parameter.hidden()) {
                out.append(".TP\n\\fI").append(text(parameter.paramLabel())).append("\\fR\n");
                out.append(description(parameter));
            }
        }
        return out.toString();
    }

    private static String commands(CommandSpec spec) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            CommandSpec subSpec = sub.getValue().getCommandSpec();
            out.append(".TP\n\\fB").append(text(sub.getKey())).append("\\fR\n")
                    .append(text(summary(subSpec))).append(" See \\fB")
                    .append(text(subSpec.qualifiedName("-"))).append("\\fR(1).\n");
        }
        return out.toString();
    }

    private static String exitCodes(Map<String, String> codes) {
        StringBuilder out = new StringBuilder();
        codes.forEach((code, meaning) -> out.append(".TP\n\\fB").append(text(code.strip())).append("\\fR\n")
                .append(text(format(meaning).strip())).append('\n'));
        return out.toString();
    }

    private static String seeAlso(CommandSpec spec) {
        List<String> pages = new ArrayList<>();
        CommandSpec root = spec.root();
        if (spec != root) {
            pages.add(root.name() + "(1)");
        }
        root.subcommands().values().forEach(sub -> {
            String page = sub.getCommandSpec().qualifiedName("-");
            if (!page.equals(spec.qualifiedName("-"))) {
                pages.add(page + "(1)");
            }
        });
        return String.join(", ", pages);
    }

    private static String description(ArgSpec arg) {
        return String.join(" ", formatted(arg.description())).strip() + "\n";
    }

    private static List<String> formatted(String[] lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(text(format(line)));
        }
        return out;
    }

    /** A description line as picocli prints it: a format string with no arguments ({@code %n}, {@code %%}). */
    private static String format(String line) {
        try {
            return String.format(Locale.ROOT, line).replace(System.lineSeparator(), " ");
        } catch (IllegalFormatException e) {
            return line;
        }
    }

    /** Text safe in roff: backslashes and hyphens escaped, no line starting with a control character. */
    static String text(String plain) {
        String escaped = plain.replace("\\", "\\e").replace("-", "\\-");
        StringBuilder out = new StringBuilder();
        for (String line : escaped.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            if (line.startsWith(".") || line.startsWith("'")) {
                out.append("\\&");
            }
            out.append(line);
        }
        return out.toString();
    }

    private static String quote(String plain) {
        return "\"" + text(plain).replace("\"", "\\(dq") + "\"";
    }
}
