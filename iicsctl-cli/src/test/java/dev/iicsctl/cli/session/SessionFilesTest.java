package dev.iicsctl.cli.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFilesTest {
    @TempDir
    Path cache;

    private final StoredSession session = new StoredSession("http://127.0.0.1:1", "demo@example.com",
            "SECRET-SESSION-ID", "http://127.0.0.1:2/saas", "v2", Instant.parse("2026-11-28T12:00:00Z"));

    @Test
    void savesOneOwnerOnlyFilePerLoginUrlAndUser() throws IOException {
        SessionFiles files = new SessionFiles(cache.resolve("iicsctl/sessions"));
        files.save(session);
        Path file = files.fileFor(session.loginUrl(), session.username());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.directory())))
                .isEqualTo("rwx------");
        assertThat(file.getFileName().toString()).doesNotContain("demo");
        assertThat(files.load(session.loginUrl(), session.username())).contains(session);
        assertThat(files.load(session.loginUrl(), "other@example.com")).isEmpty();
        assertThat(files.fileFor("http://127.0.0.1:3", session.username())).isNotEqualTo(file);
    }

    @Test
    void refusesAFileOthersCanRead() throws IOException {
        SessionFiles files = new SessionFiles(cache.resolve("sessions"));
        files.save(session);
        Path file = files.fileFor(session.loginUrl(), session.username());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> files.load(session.loginUrl(), session.username()))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("chmod 600 " + file)
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void aDamagedFileOnlyCostsALogin() throws IOException {
        SessionFiles files = new SessionFiles(cache.resolve("sessions"));
        files.save(session);
        Files.writeString(files.fileFor(session.loginUrl(), session.username()), "{not json");
        assertThat(files.load(session.loginUrl(), session.username())).isEmpty();
    }

    @Test
    void deleteRemovesTheFile() {
        SessionFiles files = new SessionFiles(cache.resolve("sessions"));
        files.save(session);
        assertThat(files.delete(session.loginUrl(), session.username())).isTrue();
        assertThat(files.delete(session.loginUrl(), session.username())).isFalse();
        assertThat(files.load(session.loginUrl(), session.username())).isEmpty();
    }

    @Test
    void toStringHidesTheSessionId() {
        assertThat(session.toString()).doesNotContain("SECRET");
    }
}
