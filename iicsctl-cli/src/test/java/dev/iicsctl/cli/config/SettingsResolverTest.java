package dev.iicsctl.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.cli.CliEnvironment;
import dev.iicsctl.cli.CliException;
import dev.iicsctl.client.auth.AuthVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResolverTest {
    private static final String CONFIG = """
            default-profile: prod
            profiles:
              prod:
                login-url: dm-us
                username: etl@example.com
                password-env: IICS_PROD_PASSWORD
              local:
                login-url: http://127.0.0.1:8080
                username: demo@example.com
                password-command: "echo $SECRET_SOURCE; echo second-line"
              plain:
                login-url: http://127.0.0.1:8080
                username: demo@example.com
                password: plain-secret
            """;

    @TempDir
    Path home;
    Path configFile;
    final Map<String, String> vars = new HashMap<>();

    @BeforeEach
    void writeConfig() throws IOException {
        Path dir = Files.createDirectories(home.resolve(".config/iicsctl"));
        configFile = Files.writeString(dir.resolve("config.yaml"), CONFIG);
        Files.setPosixFilePermissions(configFile, PosixFilePermissions.fromString("rw-------"));
    }

    private ConnectionSettings resolve(SettingsResolver.Flags flags) {
        return new SettingsResolver(CliEnvironment.of(vars, home)).resolve(flags);
    }

    private static SettingsResolver.Flags flags(String loginUrl, String profile) {
        return new SettingsResolver.Flags(Optional.ofNullable(loginUrl), Optional.empty(), false, Optional.empty(),
                Optional.ofNullable(profile), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void theDefaultProfileAppliesAndShortNamesBecomeUrls() {
        ConnectionSettings settings = resolve(SettingsResolver.Flags.none());
        assertThat(settings.loginUrl()).isEqualTo(URI.create("https://dm-us.informaticacloud.com"));
        assertThat(settings.username()).isEqualTo("etl@example.com");
        assertThat(settings.auth()).isEqualTo(AuthVersion.V2);
        assertThat(settings.profile()).isEqualTo("prod");
    }

    @Test
    void flagBeatsEnvironmentBeatsProfile() {
        vars.put("IICS_LOGIN_URL", "dm-em");
        assertThat(resolve(SettingsResolver.Flags.none()).loginUrl().getHost()).isEqualTo("dm-em.informaticacloud.com");
        assertThat(resolve(flags("http://127.0.0.1:9", null)).loginUrl()).isEqualTo(URI.create("http://127.0.0.1:9"));
    }

    @Test
    void profileComesFromTheFlagOrTheEnvironment() {
        vars.put("IICSCTL_PROFILE", "local");
        assertThat(resolve(SettingsResolver.Flags.none()).username()).isEqualTo("demo@example.com");
        assertThat(resolve(flags(null, "prod")).username()).isEqualTo("etl@example.com");
    }

    @Test
    void passwordEnvNamesAVariable() {
        vars.put("IICS_PROD_PASSWORD", "prod-secret");
        ConnectionSettings settings = resolve(SettingsResolver.Flags.none());
        assertThat(settings.password().read(CliEnvironment.of(vars, home))).isEqualTo("prod-secret");
        assertThat(settings.password().toString()).doesNotContain("prod-secret");
    }

    @Test
    void iicsPasswordBeatsTheProfile() {
        vars.put("IICS_PASSWORD", "env-secret");
        assertThat(resolve(SettingsResolver.Flags.none()).password().read(CliEnvironment.of(vars, home)))
                .isEqualTo("env-secret");
    }

    @Test
    void passwordCommandGivesItsFirstLineAndSeesTheGivenEnvironment() {
        vars.put("SECRET_SOURCE", "from-command");
        ConnectionSettings settings = resolve(flags(null, "local"));
        assertThat(settings.password().read(CliEnvironment.of(vars, home))).isEqualTo("from-command");
    }

    @Test
    void passwordStdinReadsOneLine() {
        SettingsResolver.Flags stdin = new SettingsResolver.Flags(Optional.empty(), Optional.empty(), true,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        CliEnvironment env = CliEnvironment.of(vars, home)
                .withStdin(new ByteArrayInputStream("piped\nrest\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(resolve(stdin).password().read(env)).isEqualTo("piped");
    }

    @Test
    void plaintextPasswordIsUsedFromAnOwnerOnlyFile() {
        assertThat(resolve(flags(null, "plain")).password().read(CliEnvironment.of(vars, home)))
                .isEqualTo("plain-secret");
    }

    @Test
    void plaintextPasswordIsRefusedFromAFileOthersCanRead() throws IOException {
        Files.setPosixFilePermissions(configFile, PosixFilePermissions.fromString("rw-r--r--"));
        PasswordSource source = resolve(flags(null, "plain")).password();
        assertThatThrownBy(() -> source.read(CliEnvironment.of(vars, home)))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("chmod 600 " + configFile)
                .hasMessageNotContaining("plain-secret");
    }

    @Test
    void missingPasswordNamesTheWaysToGiveOne() {
        vars.put("IICS_USERNAME", "x@example.com");
        vars.put("IICS_LOGIN_URL", "dm-us");
        vars.put("IICSCTL_CONFIG", home.resolve("none.yaml").toString());
        assertThatThrownBy(() -> resolve(SettingsResolver.Flags.none()))
                .hasMessageContaining("none.yaml not found");
        vars.remove("IICSCTL_CONFIG");
        Path empty = home.resolve("empty");
        CliEnvironment env = CliEnvironment.of(Map.of("IICS_USERNAME", "x@example.com", "IICS_LOGIN_URL", "dm-us"),
                empty);
        PasswordSource source = new SettingsResolver(env).resolve(SettingsResolver.Flags.none()).password();
        assertThatThrownBy(() -> source.read(env))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("IICS_PASSWORD")
                .hasMessageContaining("--password-stdin");
    }

    @Test
    void missingLoginUrlAndUnknownProfileAreUsageErrors() {
        CliEnvironment env = CliEnvironment.of(Map.of(), home.resolve("nobody"));
        assertThatThrownBy(() -> new SettingsResolver(env).resolve(SettingsResolver.Flags.none()))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessageContaining("--login-url");
        assertThatThrownBy(() -> resolve(flags(null, "nope")))
                .hasMessageContaining("profile 'nope' not found")
                .hasMessageContaining("prod, local, plain");
    }

    @Test
    void badLoginUrlListsTheShortNames() {
        assertThatThrownBy(() -> resolve(flags("dm-mars", null)))
                .hasMessageContaining("dm-mars")
                .hasMessageContaining("dm-us");
    }
}
