package dev.iicsctl.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.cli.CliEnvironment;
import dev.iicsctl.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config file can run commands ({@code password-command}), so, as ssh does with its own, one that another user
 * could have written is refused; and a password command that never answers is given up after a bound.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileConfigTest {
    @TempDir
    Path home;

    private Path folder;
    private Path file;
    private final Map<String, String> vars = new HashMap<>();

    @BeforeEach
    void writeConfig() throws IOException {
        folder = Files.createDirectories(home.resolve("config/iicsctl"));
        file = folder.resolve("config.yaml");
        writeProfile("echo from-command");
        vars.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    }

    private void writeProfile(String passwordCommand) throws IOException {
        Files.writeString(file, """
                default-profile: local
                profiles:
                  local:
                    login-url: http://127.0.0.1:1
                    username: demo@example.com
                    password-command: "%s"
                """.formatted(passwordCommand));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private String password() {
        CliEnvironment env = CliEnvironment.of(vars, home);
        return new SettingsResolver(env).resolve(SettingsResolver.Flags.none()).password().read(env);
    }

    @Test
    void aFileOnlyItsOwnerCanWriteIsUsed() {
        assertThat(password()).isEqualTo("from-command");
    }

    @Test
    void aFileOthersCanWriteIsRefusedBeforeItsCommandRuns() throws IOException {
        for (String mode : new String[] {"rw-rw-r--", "rw-r--rw-"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            assertThatThrownBy(this::password)
                    .isInstanceOf(CliException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("chmod go-w " + file)
                    .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(2));
        }
    }

    @Test
    void aFileInAFolderOthersCanWriteIsRefused() throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(this::password)
                .isInstanceOf(CliException.class)
                .hasMessageContaining("chmod go-w " + folder);
    }

    @Test
    void aFileOwnedBySomeoneElseIsRefused() throws IOException {
        UserPrincipal nobody;
        try {
            nobody = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(file, nobody);
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("cannot give the file to another user here: " + e);
            return;
        }
        assertThatThrownBy(this::password)
                .isInstanceOf(CliException.class)
                .hasMessageContaining("owned by nobody");
    }

    @Test
    void aPasswordCommandThatPrintsNothingAndNeverEndsIsGivenUp() throws IOException {
        writeProfile("sleep 600 & sleep 600");
        vars.put("IICSCTL_PASSWORD_COMMAND_TIMEOUT", "1s");
        assertThatThrownBy(this::password)
                .isInstanceOf(CliException.class)
                .hasMessageContaining("did not print a password within 1s")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(2));
    }

    @Test
    void aBadPasswordCommandTimeoutIsAUsageError() {
        vars.put("IICSCTL_PASSWORD_COMMAND_TIMEOUT", "soon");
        assertThatThrownBy(this::password)
                .isInstanceOf(CliException.class)
                .hasMessageContaining("IICSCTL_PASSWORD_COMMAND_TIMEOUT");
    }
}
