package dev.iicsctl.cli;

import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The shared test catalog (the emulator's test jar) for end-to-end tests of the commands, and helpers around it. */
public final class TestCatalog {
    public static final String USER = "demo@example.com";
    public static final String PASSWORD = "demo-password";
    public static final String LOGIN = "POST /ma/api/v2/user/login";

    /**
     * The test catalog the command line's tests share with the client's: short runs, "Sales/Long Load" and
     * "Orchestration/Slow Flow" long enough to be stopped, interrupted or timed out while they run.
     */
    public static final String YAML = read("dev/iicsctl/emulator/shared/test-catalog.yaml");

    /** How long a test waits for the emulator to show a run ({@link Emulator#awaitRun}); tests time out at 60 s. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private TestCatalog() {}

    /** An emulator serving this catalog, with a short visibility delay. */
    public static EmulatorExtension extension() {
        return EmulatorExtension.with(Emulator.builder().catalogYaml(YAML).visibilityDelay(Duration.ofMillis(100)));
    }

    /** The emulator's runs of one task. */
    public static List<EmulatedRun> runsOf(Emulator emulator, String path) {
        return emulator.runs().stream().filter(r -> r.taskPath().equals(path)).toList();
    }

    private static String read(String resource) {
        try (InputStream in = TestCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path: the tests take it from the"
                        + " emulator's test jar (dependency of type test-jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
