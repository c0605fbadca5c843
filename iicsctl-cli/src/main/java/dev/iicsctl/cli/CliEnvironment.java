package dev.iicsctl.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a command reads from the process around it: environment variables, standard input, the home
 * directory, whether stderr is a terminal, and whether signal handlers may be installed. Commands read these from
 * here, never from {@code System}, so tests can run them in-process with a made-up environment.
 *
 * @param variables environment variables
 * @param stdin standard input (read by {@code --password-stdin})
 * @param home the user's home directory (for the default config and cache locations)
 * @param stderrIsTerminal whether progress may be drawn in place on stderr
 * @param installSignalHandlers whether {@code run} may install a shutdown hook for SIGINT/SIGTERM (only in a real
 *     process: a test JVM must not be stopped by it)
 */
public record CliEnvironment(
        Map<String, String> variables,
        InputStream stdin,
        Path home,
        boolean stderrIsTerminal,
        boolean installSignalHandlers) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(home, "home");
    }

    /** The environment of this process. */
    public static CliEnvironment ofProcess() {
        Map<String, String> env = System.getenv();
        // Java 17 cannot ask whether stderr alone is a terminal; a console on stdin/stdout plus a usable TERM is
        // the closest honest signal, and redirecting stderr to a file is then the rare case.
        boolean terminal = System.console() != null && !"dumb".equals(env.get("TERM"));
        return new CliEnvironment(env, System.in, Path.of(System.getProperty("user.home")), terminal, true);
    }

    /** A test environment: the given variables, empty stdin, not a terminal, no signal handlers. */
    public static CliEnvironment of(Map<String, String> variables, Path home) {
        return new CliEnvironment(variables, InputStream.nullInputStream(), home, false, false);
    }

    /** The value of a variable, absent when unset or blank. */
    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** A copy with another standard input. */
    public CliEnvironment withStdin(InputStream in) {
        return new CliEnvironment(variables, in, home, stderrIsTerminal, installSignalHandlers);
    }

    /** A copy that claims (or denies) that stderr is a terminal. */
    public CliEnvironment withTerminal(boolean terminal) {
        return new CliEnvironment(variables, stdin, home, terminal, installSignalHandlers);
    }

    /** {@code $XDG_CONFIG_HOME}, or {@code ~/.config}. */
    public Path configHome() {
        return get("XDG_CONFIG_HOME").map(Path::of).orElse(home.resolve(".config"));
    }

    /** {@code $XDG_CACHE_HOME}, or {@code ~/.cache}. */
    public Path cacheHome() {
        return get("XDG_CACHE_HOME").map(Path::of).orElse(home.resolve(".cache"));
    }
}
