package dev.iicsctl.cli.session;

import static dev.iicsctl.cli.TestCatalog.LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionCacheTest extends EmulatorTestBase {

    private List<Path> cacheFiles() throws IOException {
        Path dir = home.resolve("cache/iicsctl/sessions");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void aSecondRunMakesNoLoginCall() throws IOException {
        assertThat(cli.execute("run", "Sales/Load Orders", "--poll", "100ms").exitCode()).isZero();
        assertThat(emulator.requests().count(LOGIN)).isEqualTo(1);
        assertThat(cli.execute("run", "Sales/Load Orders", "--poll", "100ms").exitCode()).isZero();
        assertThat(emulator.requests().count(LOGIN)).isEqualTo(1);
        assertThat(cacheFiles()).singleElement().satisfies(file -> {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwx------");
        });
    }

    @Test
    void aCachedSessionWorksWithoutThePassword() {
        assertThat(cli.execute("login").exitCode()).isZero();
        CliRun withoutPassword = CliRun.against(emulator, home).unset("IICS_PASSWORD");
        CliRun.Result result = withoutPassword.execute("tasks");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(emulator.requests().count(LOGIN)).isEqualTo(1);
    }

    @Test
    void anExpiredSessionCostsOneNewLogin() {
        assertThat(cli.execute("tasks").exitCode()).isZero();
        emulator.expireSessions();
        CliRun.Result result = cli.execute("tasks");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(emulator.requests().count(LOGIN)).isEqualTo(2);
    }

    @Test
    void noSessionCacheLogsInEveryTimeAndKeepsNothing() throws IOException {
        assertThat(cli.execute("tasks", "--no-session-cache").exitCode()).isZero();
        assertThat(cli.execute("tasks", "--no-session-cache").exitCode()).isZero();
        assertThat(emulator.requests().count(LOGIN)).isEqualTo(2);
        assertThat(cacheFiles()).isEmpty();
        assertThat(emulator.requests().counts().keySet()).anyMatch(route -> route.contains("logout"));
    }

    @Test
    void aCacheFileOthersCanReadIsRefused() throws IOException {
        assertThat(cli.execute("login").exitCode()).isZero();
        Path file = cacheFiles().get(0);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun.Result result = cli.execute("tasks");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("chmod 600 " + file).doesNotContain("Exception");
    }
}
