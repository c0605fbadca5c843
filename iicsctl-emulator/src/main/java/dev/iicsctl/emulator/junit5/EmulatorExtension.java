package dev.iicsctl.emulator.junit5;

import dev.iicsctl.emulator.Emulator;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs an {@link Emulator} for a test class: started before all tests, {@link Emulator#reset() reset} before each
 * test, closed after all. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmulatorExtension EMULATOR = EmulatorExtension.withCatalogYaml("""
 *         tasks:
 *           - {path: Sales/Load Orders, type: MTT, run: {duration: 200ms}}
 *         """);
 * ... EMULATOR.get().loginUrl() ...
 * }</pre>
 */
public final class EmulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final Supplier<Emulator> factory;
    private Emulator emulator;

    private EmulatorExtension(Supplier<Emulator> factory) {
        this.factory = factory;
    }

    /** An emulator serving the built-in demo catalog. */
    public static EmulatorExtension demo() {
        return new EmulatorExtension(() -> Emulator.builder().build());
    }

    /** An emulator serving this YAML catalog. */
    public static EmulatorExtension withCatalogYaml(String yaml) {
        Objects.requireNonNull(yaml, "yaml");
        return new EmulatorExtension(() -> Emulator.builder().catalogYaml(yaml).build());
    }

    /** An emulator built from a configured builder (e.g. with a short session timeout). */
    public static EmulatorExtension with(Emulator.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        return new EmulatorExtension(builder::build);
    }

    /** The running emulator. @throws IllegalStateException outside the test class's lifetime */
    public Emulator get() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator runs only while the test class runs; "
                    + "register EmulatorExtension on a static field with @RegisterExtension");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = factory.get().start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emulator == null) {
            emulator = factory.get().start();
        }
        emulator.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
