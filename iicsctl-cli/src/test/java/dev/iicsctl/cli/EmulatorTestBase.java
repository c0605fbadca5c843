package dev.iicsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The emulator with the test catalog, and iicsctl pointed at it with a private home. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class EmulatorTestBase {
    @RegisterExtension
    protected static final EmulatorExtension EMULATOR = TestCatalog.extension();

    @TempDir
    protected Path home;
    protected Emulator emulator;
    protected CliRun cli;

    @BeforeEach
    protected void connect() {
        emulator = EMULATOR.get();
        cli = CliRun.against(emulator, home);
    }

    /** Runs a task to its end (fast polling). */
    protected CliRun.Result runTask(String path, String... more) {
        String[] args = new String[more.length + 4];
        args[0] = "run";
        args[1] = path;
        args[2] = "--poll";
        args[3] = "100ms";
        System.arraycopy(more, 0, args, 4, more.length);
        return cli.execute(args);
    }

    /**
     * Starts a task without waiting and returns once it runs and the activity monitor shows it: IICS (and the
     * emulator) show a run only after a short delay, and a run started elsewhere is invisible to --if-running or a
     * second start until then.
     */
    protected void startElsewhere(String path) throws InterruptedException {
        CliRun.Result started = cli.execute("run", path, "--no-wait");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        emulator.awaitRun(path, TestCatalog.WAIT, "RUNNING");
        String name = "\"name\":\"" + path.substring(path.indexOf('/') + 1) + "\"";
        Awaits.until(path + " in the activity monitor", TestCatalog.WAIT,
                () -> cli.execute("monitor", "-o", "json").out().contains(name));
    }

    protected static List<JsonNode> jsonLines(CliRun.Result result) {
        ObjectMapper mapper = new ObjectMapper();
        return result.outLines().stream().map(line -> {
            try {
                return mapper.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }).toList();
    }
}
