package dev.iicsctl.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The user's base directories as the XDG base-directory specification defines them: {@code $HOME}, and
 * {@code $XDG_CONFIG_HOME} / {@code $XDG_CACHE_HOME} with their defaults {@code ~/.config} and {@code ~/.cache}.
 * A relative path in an XDG variable is ignored, as the specification says, and so is a relative {@code $HOME}.
 *
 * @param home the home directory
 * @param config where {@code iicsctl/config.yaml} is looked for
 * @param cache where {@code iicsctl/sessions/} is kept
 */
public record BaseDirectories(Path home, Path config, Path cache) {

    /**
     * The directories for these environment variables.
     *
     * @param variables the environment
     * @param fallbackHome the home directory when {@code $HOME} is unset, blank or relative (Java's
     *     {@code user.home} in a real process)
     */
    public static BaseDirectories of(Map<String, String> variables, Path fallbackHome) {
        Path home = absolute(variables, "HOME").orElse(fallbackHome);
        return new BaseDirectories(home,
                absolute(variables, "XDG_CONFIG_HOME").orElse(home.resolve(".config")),
                absolute(variables, "XDG_CACHE_HOME").orElse(home.resolve(".cache")));
    }

    private static Optional<Path> absolute(Map<String, String> variables, String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(value);
            return path.isAbsolute() ? Optional.of(path) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }
}
