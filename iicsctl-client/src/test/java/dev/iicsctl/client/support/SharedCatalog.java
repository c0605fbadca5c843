package dev.iicsctl.client.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the test catalog that the emulator's test jar publishes for the client's and the command line's tests. */
final class SharedCatalog {
    static final String RESOURCE = "dev/iicsctl/emulator/shared/test-catalog.yaml";

    private SharedCatalog() {
    }

    static String read() {
        try (InputStream in = SharedCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path: the client's tests take it from"
                        + " the emulator's test jar (dependency of type test-jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
