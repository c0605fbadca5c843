package dev.iicsctl.cli.session;

import static dev.iicsctl.cli.TestCatalog.LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The exit code is the run's whatever state the session cache is in: a cache problem is one warning line. */
class CacheStatesTest extends EmulatorTestBase {

    private Path sessions() {
        return home.resolve("cache/iicsctl/sessions");
    }

    /** Logs in and returns the one cache file. */
    private Path loggedInCacheFile() throws IOException {
        assertThat(cli.execute("login").exitCode()).isZero();
        try (Stream<Path> files = Files.list(sessions())) {
            return files.findFirst().orElseThrow();
        }
    }

    private void assertSucceedsWithOneWarning(CliRun run) {
        for (int i = 1; i <= 2; i++) {
            CliRun.Result result = run.execute("run", "Sales/Load Orders", "--poll", "100ms");
            assertThat(result.exitCode()).as(result.toString()).isZero();
            List<String> cacheLines = result.err().lines().filter(l -> l.contains("session cache")).toList();
            assertThat(cacheLines).as(result.toString()).singleElement().asString()
                    .startsWith("iicsctl: warning: cannot write the session cache");
            assertThat(result.err()).doesNotContain("Exception");
        }
        assertThat(emulator.requests().count(LOGIN)).as("no usable cache: a login each time").isEqualTo(2);
    }

    @Test
    void theCacheFileReplacedByADirectory() throws IOException {
        Path file = loggedInCacheFile();
        Files.delete(file);
        Files.createDirectories(file.resolve("in-the-way"));
        emulator.reset();
        assertSucceedsWithOneWarning(cli);
    }

    @Test
    void theCacheFolderIsAFile() throws IOException {
        Files.createDirectories(sessions().getParent());
        Files.writeString(sessions(), "not a folder");
        assertSucceedsWithOneWarning(cli);
        assertThat(Files.readString(sessions())).isEqualTo("not a folder");
    }

    @Test
    void theCacheFolderCannotBeCreated() {
        // Nobody, root included, can create a folder in /proc.
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        assertSucceedsWithOneWarning(cli.env("XDG_CACHE_HOME", "/proc/iicsctl-test-cache"));
    }

    @Test
    void loginWithACacheThatCannotBeWrittenSaysSoAndFails() throws IOException {
        Files.createDirectories(sessions().getParent());
        Files.writeString(sessions(), "not a folder");
        CliRun.Result result = cli.execute("login");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("could not be kept").doesNotContain("Exception");
    }

    @Test
    void aCachedSessionWhosePodNoLongerAnswersCostsOneLogin() throws IOException {
        Path file = loggedInCacheFile();
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String moved = Files.readString(file).replaceAll("\"serverUrl\":\"[^\"]*\"",
                "\"serverUrl\":\"http://127.0.0.1:" + closedPort + "/saas\"");
        Files.writeString(file, moved);
        CliRun.Result result = cli.execute("tasks");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(emulator.requests().count(LOGIN)).isEqualTo(2);
        assertThat(Files.readString(file)).doesNotContain(":" + closedPort + "/");
    }
}
