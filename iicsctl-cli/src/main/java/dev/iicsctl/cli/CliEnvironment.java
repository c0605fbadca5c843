package dev.iicsctl.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a command reads from the process around it: environment variables, standard input, the home
 * directory, which streams are terminals, how to ask for a password, and whether signal handlers may be installed.
 * Commands read these from here, never from {@code System}, so tests can run them in-process with a made-up
 * environment.
 *
 * @param variables environment variables
 * @param stdin standard input (read by {@code --password-stdin})
 * @param home the home directory when {@code $HOME} is not set (Java's {@code user.home} in a process)
 * @param terminals which standard streams are terminals
 * @param prompt asks for a password with echo off when stdin is a terminal
 * @param installSignalHandlers whether {@code run} may install a shutdown hook for SIGINT/SIGTERM (only in a real
 *     process: a test JVM must not be stopped by it)
 */
public record CliEnvironment(
        Map<String, String> variables,
        InputStream stdin,
        Path home,
        Terminals terminals,
        PasswordPrompt prompt,
        boolean installSignalHandlers) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(terminals, "terminals");
        Objects.requireNonNull(prompt, "prompt");
    }

    /** The environment of this process. */
    public static CliEnvironment ofProcess() {
        Map<String, String> env = System.getenv();
        return new CliEnvironment(env, System.in, Path.of(System.getProperty("user.home")),
                Terminals.ofProcess(env.get("TERM")), PasswordPrompt.console(), true);
    }

    /** A test environment: the given variables, empty stdin, no terminal, no signal handlers. */
    public static CliEnvironment of(Map<String, String> variables, Path home) {
        return new CliEnvironment(variables, InputStream.nullInputStream(), home, Terminals.none(),
                PasswordPrompt.none(), false);
    }

    /** The value of a variable, absent when unset or blank. */
    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** A copy with another standard input. */
    public CliEnvironment withStdin(InputStream in) {
        return new CliEnvironment(variables, in, home, terminals, prompt, installSignalHandlers);
    }

    /** A copy with these terminals. */
    public CliEnvironment withTerminals(Terminals streams) {
        return new CliEnvironment(variables, stdin, home, streams, prompt, installSignalHandlers);
    }

    /** A copy that asks for passwords this way. */
    public CliEnvironment withPrompt(PasswordPrompt passwordPrompt) {
        return new CliEnvironment(variables, stdin, home, terminals, passwordPrompt, installSignalHandlers);
    }

    /** Whether progress may be drawn in place on stderr. */
    public boolean stderrIsTerminal() {
        return terminals.stderr();
    }

    /** Whether stdout is a terminal (and may be coloured or cleared). */
    public boolean stdoutIsTerminal() {
        return terminals.stdout();
    }

    /** Whether a person may be asked for a password: stdin is a terminal. */
    public boolean canPrompt() {
        return terminals.stdin();
    }

    /** The XDG base directories of this environment. */
    public BaseDirectories directories() {
        return BaseDirectories.of(variables, home);
    }

    /** {@code $XDG_CONFIG_HOME}, or {@code ~/.config}. */
    public Path configHome() {
        return directories().config();
    }

    /** {@code $XDG_CACHE_HOME}, or {@code ~/.cache}. */
    public Path cacheHome() {
        return directories().cache();
    }
}
