package dev.iicsctl.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A session store is a convenience: when it cannot keep or forget a session, the calls go on regardless. */
@Timeout(30)
class SessionStoreFailureTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.withCatalogYaml(TestCatalog.YAML);

    /** A store on a full disk: every write fails. */
    private static final class FullDisk implements SessionStore {
        @Override
        public Optional<Session> load(URI loginUrl, String username) {
            return Optional.empty();
        }

        @Override
        public void save(Session session) {
            throw new UncheckedIOException(new IOException("No space left on device"));
        }

        @Override
        public void clear(URI loginUrl, String username) {
            throw new UncheckedIOException(new IOException("Read-only file system"));
        }
    }

    @Test
    void aStoreThatCannotWriteNeitherFailsTheCallsNorTheClose() {
        Emulator emulator = EMULATOR.get();
        emulator.reset();
        List<String> trace = new CopyOnWriteArrayList<>();
        IicsClient iics = TestCatalog.client(EMULATOR.get().loginUrl()).sessionStore(new FullDisk())
                .traceListener(trace::add).build();
        assertThatCode(() -> {
            assertThat(iics.monitor().running()).isEmpty();
            emulator.expireSessions();
            assertThat(iics.monitor().running()).isEmpty();
        }).doesNotThrowAnyException();
        assertThatCode(iics::close).doesNotThrowAnyException();
        assertThat(emulator.requests().count("POST /ma/api/v2/user/login")).isEqualTo(2);
        assertThat(trace).anyMatch(line -> line.contains("No space left on device"));
    }
}
