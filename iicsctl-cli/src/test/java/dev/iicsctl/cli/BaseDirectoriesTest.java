package dev.iicsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The XDG base-directory specification: $HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME; relative paths ignored. */
class BaseDirectoriesTest {
    private static final Path FALLBACK = Path.of("/nonexistent/user.home");

    @Test
    void homeComesFromTheHomeVariableNotFromJavasUserHome() {
        CliEnvironment env = CliEnvironment.of(Map.of("HOME", "/srv/etl"), FALLBACK);

        assertThat(env.configHome()).isEqualTo(Path.of("/srv/etl/.config"));
        assertThat(env.cacheHome()).isEqualTo(Path.of("/srv/etl/.cache"));
    }

    @Test
    void absoluteXdgDirectoriesWin() {
        CliEnvironment env = CliEnvironment.of(Map.of("HOME", "/srv/etl", "XDG_CONFIG_HOME", "/etc/xdg-user",
                "XDG_CACHE_HOME", "/var/cache/etl"), FALLBACK);

        assertThat(env.configHome()).isEqualTo(Path.of("/etc/xdg-user"));
        assertThat(env.cacheHome()).isEqualTo(Path.of("/var/cache/etl"));
    }

    @Test
    void aRelativeXdgPathIsIgnoredAsTheSpecificationSays() {
        CliEnvironment env = CliEnvironment.of(Map.of("HOME", "/srv/etl", "XDG_CONFIG_HOME", "config",
                "XDG_CACHE_HOME", "./cache"), FALLBACK);

        assertThat(env.configHome()).isEqualTo(Path.of("/srv/etl/.config"));
        assertThat(env.cacheHome()).isEqualTo(Path.of("/srv/etl/.cache"));
    }

    @Test
    void withoutHomeTheFallbackIsUsed() {
        CliEnvironment env = CliEnvironment.of(Map.of("HOME", "relative-home"), FALLBACK);

        assertThat(env.cacheHome()).isEqualTo(FALLBACK.resolve(".cache"));
    }
}
