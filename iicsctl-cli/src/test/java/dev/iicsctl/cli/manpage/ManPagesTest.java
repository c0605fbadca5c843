package dev.iicsctl.cli.manpage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The man pages cannot drift from {@code --help}: for every command, each phrase of its help (printed too wide to
 * wrap) is in its page, and the page lists exactly the options the help lists.
 */
class ManPagesTest {
    /** The help's headings, which the page has as sections of its own (SYNOPSIS, COMMANDS, EXIT STATUS, ...). */
    private static final Set<String> HEADINGS = Set.of("Usage:", "Commands:", "Exit codes:", "Examples:");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--?[A-Za-z][\\w-]*)");

    @TempDir
    Path home;

    static Stream<ManPage> pages() {
        return ManPages.all().stream();
    }

    @Test
    void onePagePerCommandAndOneForIicsctl() {
        List<String> names = pages().map(ManPage::name).toList();
        String rootHelp = help("").out();

        assertThat(names).first().isEqualTo("iicsctl");
        assertThat(names).contains("iicsctl-run", "iicsctl-status", "iicsctl-demo", "iicsctl-completion");
        for (String line : rootHelp.substring(rootHelp.indexOf("Commands:"), rootHelp.indexOf("Exit codes:"))
                .lines().skip(1).toList()) {
            if (!line.isBlank()) {
                assertThat(names).contains("iicsctl-" + line.strip().split("\\s+")[0]);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void saysWhatTheHelpSays(ManPage page) {
        String roff = page.roff();
        String text = plain(roff);
        String help = help(command(page)).out();

        List<String> missing = new ArrayList<>();
        for (String line : help.lines().toList()) {
            for (String phrase : line.strip().split("\\s{2,}")) {
                String normal = normalize(phrase.startsWith("Usage: ") ? phrase.substring(7) : phrase);
                if (!normal.isEmpty() && !HEADINGS.contains(normal) && !text.contains(normal)) {
                    missing.add(normal);
                }
            }
        }
        assertThat(missing).as("phrases of --help missing from %s.1:%n%s", page.name(), roff).isEmpty();
        assertThat(optionsOfPage(roff)).as(page.name()).isEqualTo(optionsOfHelp(help));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void isWellFormedRoff(ManPage page) {
        List<String> lines = page.roff().lines().toList();

        assertThat(lines.get(0)).startsWith(".TH \"" + page.name().toUpperCase().replace("-", "\\-") + "\" 1 ");
        assertThat(lines).contains(".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH EXIT STATUS", ".SH SEE ALSO");
        // A text line starting with a dot or an apostrophe would be read as a request; a bare hyphen would print
        // as a typographic one (not something to copy into a shell).
        assertThat(lines).filteredOn(l -> !l.startsWith(".")).noneMatch(l -> l.startsWith("'"));
        assertThat(lines).filteredOn(l -> !l.startsWith(".TH")).allSatisfy(l ->
                assertThat(l.replace("\\-", "")).as(l).doesNotContain("-"));
    }

    private static String command(ManPage page) {
        return page.name().equals("iicsctl") ? "" : page.name().substring("iicsctl-".length());
    }

    private CliRun.Result help(String command) {
        String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        CliRun.Result result = new CliRun(home).env("COLUMNS", "1000").execute(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    /** The option names of the options list: lines that start with an option, before its description. */
    private static Set<String> optionsOfHelp(String help) {
        Set<String> names = new TreeSet<>();
        for (String line : help.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("-") && line.startsWith("  ")) {
                names.addAll(optionNames(trimmed.split("\\s{2,}")[0]));
            }
        }
        return names;
    }

    private static Set<String> optionsOfPage(String roff) {
        Set<String> names = new TreeSet<>();
        List<String> lines = roff.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals(".TP") && lines.get(i + 1).startsWith("\\fB\\-")) {
                names.addAll(optionNames(plain(lines.get(i + 1))));
            }
        }
        return names;
    }

    private static Set<String> optionNames(String column) {
        Set<String> names = new TreeSet<>();
        Matcher m = OPTION.matcher(column.replaceAll("=.*", ""));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** What a reader of the page sees, near enough: the text without requests and font changes. */
    private static String plain(String roff) {
        StringBuilder out = new StringBuilder();
        for (String line : roff.lines().toList()) {
            if (!line.startsWith(".")) {
                out.append(line.replace("\\fB", "").replace("\\fI", "").replace("\\fR", "").replace("\\-", "-")
                        .replace("\\&", "").replace("\\(dq", "\"").replace("\\e", "\\")).append(' ');
            }
        }
        return normalize(out.toString());
    }

    private static String normalize(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
