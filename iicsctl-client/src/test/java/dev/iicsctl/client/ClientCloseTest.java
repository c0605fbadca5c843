package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Closing a client ends its HTTP client's selector thread, which would otherwise hold up the JVM's exit. */
@Timeout(30)
class ClientCloseTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.withCatalogYaml(TestCatalog.YAML);

    private static Set<Thread> selectorThreads() {
        Set<Thread> found = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")) {
                found.add(t);
            }
        }
        return found;
    }

    @Test
    void closeEndsTheSelectorThreadOfItsOwnHttpClientOnly() throws Exception {
        Set<Thread> before = selectorThreads();
        try (IicsClient other = TestCatalog.client(EMULATOR.get().loginUrl()).build()) {
            Set<Thread> withOther = selectorThreads();
            IicsClient iics = TestCatalog.client(EMULATOR.get().loginUrl()).build();
            assertThat(iics.tasks().list(null, null)).isNotEmpty();
            Set<Thread> mine = selectorThreads();
            mine.removeAll(withOther);
            assertThat(mine).hasSize(1);

            iics.close();
            Thread selector = mine.iterator().next();
            selector.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(selector.isAlive()).isFalse();
            // the other client is untouched and still works
            assertThat(other.tasks().list(null, null)).isNotEmpty();
        }
        for (Thread t : selectorThreads()) {
            if (!before.contains(t)) {
                t.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
        assertThat(selectorThreads()).isSubsetOf(before);
    }
}
