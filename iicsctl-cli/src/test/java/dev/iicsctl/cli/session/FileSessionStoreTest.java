package dev.iicsctl.cli.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.client.auth.AuthVersion;
import dev.iicsctl.client.auth.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSessionStoreTest {
    private static final URI LOGIN = URI.create("http://127.0.0.1:1");

    @TempDir
    Path cache;

    private final Session session = new Session("SECRET-SESSION-ID", URI.create("http://127.0.0.1:2/saas"),
            "demo@example.com", LOGIN, AuthVersion.V2, Instant.parse("2026-11-28T11:50:00Z"),
            Instant.parse("2026-11-28T12:00:00Z"));

    @Test
    void savesOneOwnerOnlyFilePerLoginUrlAndUser() throws IOException {
        FileSessionStore store = new FileSessionStore(cache.resolve("iicsctl/sessions"));
        store.save(session);
        Path file = store.fileFor(LOGIN, session.username());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.directory())))
                .isEqualTo("rwx------");
        assertThat(file.getFileName().toString()).doesNotContain("demo");
        assertThat(store.load(LOGIN, session.username())).contains(session);
        assertThat(store.load(LOGIN, "other@example.com")).isEmpty();
        assertThat(store.fileFor(URI.create("http://127.0.0.1:3"), session.username())).isNotEqualTo(file);
    }

    @Test
    void refusesAFileOthersCanRead() throws IOException {
        FileSessionStore store = new FileSessionStore(cache.resolve("sessions"));
        store.save(session);
        Path file = store.fileFor(LOGIN, session.username());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> store.load(LOGIN, session.username()))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("chmod 600 " + file)
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void aDamagedFileOnlyCostsALogin() throws IOException {
        FileSessionStore store = new FileSessionStore(cache.resolve("sessions"));
        store.save(session);
        Files.writeString(store.fileFor(LOGIN, session.username()), "{not json");
        assertThat(store.load(LOGIN, session.username())).isEmpty();
    }

    @Test
    void clearRemovesTheFile() {
        FileSessionStore store = new FileSessionStore(cache.resolve("sessions"));
        store.save(session);
        assertThat(store.delete(LOGIN, session.username())).isTrue();
        store.clear(LOGIN, session.username());
        assertThat(store.delete(LOGIN, session.username())).isFalse();
        assertThat(store.load(LOGIN, session.username())).isEmpty();
    }
}
