package dev.iicsctl.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.cli.CliException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigFileTest {
    private static final Path FILE = Path.of("/etc/iicsctl.yaml");

    @Test
    void readsProfilesInOrder() {
        ConfigFile config = ConfigFile.parse(FILE, """
                profiles:
                  b: {username: bee}
                  a: {username: ay, auth: v3}
                """, true);
        assertThat(config.profiles().keySet()).containsExactly("b", "a");
        assertThat(config.select(Optional.of("a")).auth()).contains("v3");
        assertThat(config.select(Optional.empty()).username()).isEmpty();
    }

    @Test
    void anEmptyFileHasNoProfiles() {
        assertThat(ConfigFile.parse(FILE, "", true).profiles()).isEmpty();
    }

    @Test
    void badYamlNamesTheFileAndLine() {
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "profiles:\n  a: [unclosed\n", true))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("bad config file /etc/iicsctl.yaml")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void unknownKeysAreNamed() {
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "profiles:\n  a:\n    user: x\n", true))
                .hasMessageContaining("unknown key 'user' in profile 'a'")
                .hasMessageContaining("username");
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "profile: {}\n", true))
                .hasMessageContaining("unknown key 'profile'");
    }

    @Test
    void defaultProfileMustExist() {
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "default-profile: x\nprofiles: {a: {}}\n", true))
                .hasMessageContaining("default-profile 'x' is not one of the profiles [a]");
    }
}
