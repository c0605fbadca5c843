package dev.iicsctl.cli.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.iicsctl.client.auth.AuthVersion;
import dev.iicsctl.client.auth.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache is a convenience: whatever state the disk is in, writing to it never fails the command, only warns
 * once, and reading from it gives a session or none.
 */
@Timeout(60)
class CacheFailuresTest {
    private static final URI LOGIN = URI.create("http://127.0.0.1:1");

    @TempDir
    Path home;

    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private final Session session = new Session("SECRET-SESSION-ID", URI.create("http://127.0.0.1:2/saas"),
            "demo@example.com", LOGIN, AuthVersion.V2, Instant.parse("2026-11-28T11:50:00Z"),
            Instant.parse("2026-11-28T12:00:00Z"));

    private FileSessionStore store(Path directory) {
        return new FileSessionStore(directory, warnings::add);
    }

    @Test
    void aDirectoryWhereTheFileShouldBeIsOneWarning() throws IOException {
        FileSessionStore store = store(home.resolve("sessions"));
        Files.createDirectories(store.fileFor(LOGIN, session.username()).resolve("child"));
        assertThatCode(() -> {
            store.save(session);
            store.save(session);
            store.clear(LOGIN, session.username());
        }).doesNotThrowAnyException();
        assertThat(store.load(LOGIN, session.username())).isEmpty();
        assertThat(warnings).singleElement().asString()
                .contains("cannot write the session cache").doesNotContain("SECRET");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsOneWarningAndLeftAsItIs() throws IOException {
        Path notAFolder = home.resolve("sessions");
        Files.writeString(notAFolder, "someone else's file");
        FileSessionStore store = store(notAFolder);
        assertThatCode(() -> store.save(session)).doesNotThrowAnyException();
        assertThat(store.load(LOGIN, session.username())).isEmpty();
        assertThat(warnings).singleElement().asString().contains("cannot write the session cache");
        assertThat(Files.readString(notAFolder)).isEqualTo("someone else's file");
        assertThat(Files.getPosixFilePermissions(notAFolder)).map(Enum::name).noneMatch(p -> p.endsWith("EXECUTE"));
    }

    @Test
    void aFolderThatCannotBeCreatedIsOneWarning() {
        // Even root cannot create a folder in /proc: an unwritable place whoever runs the test.
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        FileSessionStore store = store(Path.of("/proc/iicsctl-test/sessions"));
        assertThatCode(() -> store.save(session)).doesNotThrowAnyException();
        assertThat(store.load(LOGIN, session.username())).isEmpty();
        assertThat(warnings).singleElement().asString().contains("cannot write the session cache");
    }

    @Test
    void aWriteThatFailsMidwayLeavesTheOldSessionAndNoTemporaryFile() throws IOException {
        Path dir = home.resolve("sessions");
        new FileSessionStore(dir, warnings::add).save(session);
        FileSessionStore diskFull = new FileSessionStore(dir, warnings::add, (temp, bytes) -> {
            Files.write(temp, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            throw new IOException("No space left on device");
        });
        assertThatCode(() -> diskFull.save(session.usedAt(Instant.parse("2026-11-28T12:10:00Z"))))
                .doesNotThrowAnyException();
        assertThat(diskFull.load(LOGIN, session.username())).contains(session);
        assertThat(warnings).singleElement().asString().contains("No space left on device");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).singleElement().isEqualTo(diskFull.fileFor(LOGIN, session.username()));
        }
    }

    /**
     * One thread writes and removes the file as fast as it can (another process saving and logging out) while
     * others read it: each read is a whole session or none, never an error. Seeded, bounded by count.
     */
    @Test
    void readsRacingWritesAndRemovalsSeeASessionOrNone() throws Exception {
        long seed = Long.getLong("iicsctl.seed", System.nanoTime());
        int rounds = 2_000;
        FileSessionStore store = store(home.resolve("sessions"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        Random random = new Random(seed);
        List<Future<Integer>> readers = new ArrayList<>();
        Future<?> writer = pool.submit(() -> {
            for (int i = 0; i < rounds; i++) {
                if (random.nextBoolean()) {
                    store.save(session);
                } else {
                    store.clear(LOGIN, session.username());
                }
            }
            return null;
        });
        for (int r = 0; r < 2; r++) {
            readers.add(pool.submit(() -> {
                int found = 0;
                for (int i = 0; i < rounds; i++) {
                    if (store.load(LOGIN, session.username()).map(session::equals).orElse(false)) {
                        found++;
                    }
                }
                return found;
            }));
        }
        writer.get(50, TimeUnit.SECONDS);
        int found = 0;
        for (Future<Integer> reader : readers) {
            found += reader.get(50, TimeUnit.SECONDS);
        }
        pool.shutdown();
        System.out.printf("CacheFailuresTest race seed=%d rounds=%d reads=%d found=%d warnings=%d%n", seed, rounds,
                2 * rounds, found, warnings.size());
        assertThat(warnings).as("seed " + seed).isEmpty();
    }
}
