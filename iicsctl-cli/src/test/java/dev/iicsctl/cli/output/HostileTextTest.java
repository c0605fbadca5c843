package dev.iicsctl.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iicsctl.cli.CliEnvironment;
import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.Iicsctl;
import dev.iicsctl.cli.TestCatalog;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from IICS reaches a terminal: task names and messages with escape sequences, newlines and C1 controls are
 * shown escaped, never interpreted; arguments that would poll without pause or run a task twice are refused.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileTextTest {
    /** ESC [2J clears the screen, a newline forges a line, U+009B is the one-character CSI. */
    private static final String EVIL = "Sales/Evil\u001b[2J\nexit 0\u009b31m";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.with(Emulator.builder().catalogYaml("""
            users:
              - {username: demo@example.com, password: demo-password, org: Demo Org}
            tasks:
              - path: "Sales/Evil\\e[2J\\nexit 0\\x9b31m"
                type: MTT
                run: {duration: 300ms, outcome: failed, errorMessage: "row 1\\e]0;pwned\\a\\r\\nSUCCESS"}
              - path: Sales/Load Orders
                type: MTT
                run: {duration: 300ms, outcome: success}
            """).visibilityDelay(Duration.ofMillis(100)));

    @TempDir
    Path home;
    private CliRun cli;

    @BeforeEach
    void connect() {
        cli = CliRun.against(EMULATOR.get(), home);
    }

    private static void assertNoControls(String text) {
        String withoutLineEnds = text.replace("\n", "");
        assertThat(withoutLineEnds.chars().filter(c -> c < 0x20 || c >= 0x7f && c < 0xa0).count())
                .as("control characters in: " + text).isZero();
    }

    @Test
    void taskNamesAndMessagesAreEscapedInTextAndProgress() {
        CliRun.Result result = cli.terminal(false).execute("run", EVIL, "--poll", "100ms");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertNoControls(result.out());
        assertNoControls(result.err());
        assertThat(result.out()).contains("Sales/Evil\\x1b[2J\\nexit 0\\u009b31m").contains("row 1\\x1b]0;pwned");
        assertThat(result.outLines()).noneMatch(line -> line.startsWith("exit 0") || line.startsWith("SUCCESS"));
        CliRun.Result tasks = cli.execute("tasks");
        assertNoControls(tasks.out());
    }

    @Test
    void anErrorMessageFromIicsIsEscaped() {
        // Twice: a 400 to the query naming every type is asked again once without a filter.
        EMULATOR.get().addFault(dev.iicsctl.emulator.fault.FaultRule.fromJson("{\"method\":\"GET\","
                + "\"path\":\"/saas/public/core/v3/objects\",\"times\":2,\"action\":\"status\",\"status\":400,"
                + "\"contentType\":\"application/json\",\"body\":\"{\\\"error\\\":{\\\"code\\\":\\\"BAD\\\","
                + "\\\"message\\\":\\\"bad\\\\u001b[2J\\\\nforged\\\"}}\"}"));
        try {
            CliRun.Result result = cli.execute("tasks");
            assertThat(result.exitCode()).as(result.toString()).isNotZero();
            assertThat(result.err()).as(result.toString()).contains("bad\\x1b[2J");
            assertNoControls(result.err());
        } finally {
            EMULATOR.get().clearFaults();
        }
    }

    @Test
    void jsonOutputCarriesTheTextExactlyAndEscaped() throws IOException {
        CliRun.Result result = cli.execute("run", EVIL, "--poll", "100ms", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertNoControls(result.out());
        JsonNode last = new ObjectMapper().readTree(result.outLines().get(result.outLines().size() - 1));
        assertThat(last.toString()).contains("Evil");
        assertThat(result.out()).contains("\\u001B").contains("\\u009B");
        assertThat(new ObjectMapper().readTree(result.outLines().get(0)).findValuesAsText("path")).contains(EVIL);
    }

    @Test
    void pollingWithoutPauseIsRefused() {
        for (String[] args : new String[][] {{"run", "Sales/Load Orders", "--poll", "0s"},
            {"monitor", "--watch", "--interval", "0s"}, {"stop", "Sales/Load Orders", "--wait", "--poll", "50ms"}}) {
            CliRun.Result result = cli.execute(args);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            // One line names the problem and the fix; picocli's usage hint follows, as for any bad option.
            assertThat(result.err().lines().findFirst()).as(result.toString()).get().asString()
                    .contains("minimum").contains("100ms");
            assertThat(result.err()).doesNotContain("Exception");
        }
        assertThat(EMULATOR.get().requests().count(TestCatalog.LOGIN)).isZero();
    }

    @Test
    void theSameTaskTwiceIsAUsageErrorBeforeAnythingStarts() {
        for (String[] args : new String[][] {{"run", "Sales/Load Orders", "Sales/Load Orders"},
            {"run", "Sales/Load Orders", "Load Orders"}}) {
            CliRun.Result result = cli.execute(args);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).contains("twice");
        }
        assertThat(EMULATOR.get().requests().count("POST /saas/api/v2/job")).isZero();
    }

    @Test
    void monitorWatchEndsWhenItsOutputIsClosed() {
        AtomicInteger writes = new AtomicInteger();
        Writer closedAfterFirstBlock = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                if (writes.incrementAndGet() > 3) {
                    throw new IOException("Broken pipe");
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("IICS_LOGIN_URL", EMULATOR.get().loginUrl().toString());
        env.put("IICS_USERNAME", TestCatalog.USER);
        env.put("IICS_PASSWORD", TestCatalog.PASSWORD);
        StringWriter err = new StringWriter();
        String[] args = {"monitor", "--watch", "--interval", "100ms"};
        int code = Iicsctl.commandLine(new PrintWriter(closedAfterFirstBlock, true), new PrintWriter(err, true),
                CliEnvironment.of(env, home), args).execute(args);
        assertThat(code).as(err.toString()).isZero();
    }
}
