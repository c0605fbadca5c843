package dev.iicsctl.cli;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which of the standard streams are terminals, decided per stream: {@code iicsctl run ... 2>run.log} typed on a
 * terminal has a terminal on stdin and stdout but a file on stderr, and that file must get plain lines.
 *
 * @param stdin whether standard input is a terminal (a password may be asked for there)
 * @param stdout whether standard output is a terminal (colour in the data, a cleared screen for monitor)
 * @param stderr whether standard error is a terminal (progress drawn in place, colour in it)
 */
public record Terminals(boolean stdin, boolean stdout, boolean stderr) {

    /** No terminal at all: pipes and files, as under a scheduler. */
    public static Terminals none() {
        return new Terminals(false, false, false);
    }

    /**
     * The streams of this process. On Linux each one is looked up in {@code /proc/self/fd}; elsewhere Java 22's
     * {@code Console.isTerminal()} (asked by reflection, as Java 17 lacks it) or, before Java 22, the presence of
     * a console answers for all three at once. {@code TERM=dumb} means a terminal that cannot draw in place.
     */
    public static Terminals ofProcess(String term) {
        boolean drawable = !"dumb".equals(term);
        Path fds = Path.of("/proc/self/fd");
        if (Files.isDirectory(fds)) {
            return new Terminals(isTty(fds.resolve("0")), isTty(fds.resolve("1")), isTty(fds.resolve("2")) && drawable);
        }
        boolean console = consoleIsTerminal();
        return new Terminals(console, console, console && drawable);
    }

    /** Whether a {@code /proc/self/fd/N} link points at a terminal device. */
    static boolean isTty(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before Java 22 a console exists only when stdin and stdout are terminals
        }
    }
}
