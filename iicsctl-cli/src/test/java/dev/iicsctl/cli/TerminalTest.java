package dev.iicsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * iicsctl on a real pseudo-terminal: the password prompt with echo off, and progress that is drawn in place only
 * on a stream that is a terminal (a scheduler-style {@code 2>run.log} typed at a terminal gets plain lines).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TerminalTest extends EmulatorTestBase {
    /** Only HOME: the session cache must land under $HOME/.cache as the XDG specification says. */
    private Map<String, String> variables(boolean withPassword) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("IICS_LOGIN_URL", emulator.loginUrl().toString());
        env.put("IICS_USERNAME", TestCatalog.USER);
        if (withPassword) {
            env.put("IICS_PASSWORD", TestCatalog.PASSWORD);
        }
        return env;
    }

    @Test
    void loginAsksForThePasswordWithEchoOffAndLogsIn() throws Exception {
        try (PseudoTerminal terminal = PseudoTerminal.start(variables(false), "", "login")) {
            assertThat(terminal.awaitScreen("Password:", 60)).as(terminal.screen()).isTrue();
            terminal.type(TestCatalog.PASSWORD);

            assertThat(terminal.exitCode(60)).as(terminal.screen()).isZero();
            assertThat(terminal.text()).contains("logged in as " + TestCatalog.USER)
                    .as("the typed password is not echoed").doesNotContain(TestCatalog.PASSWORD);
        }
        try (Stream<Path> files = Files.list(home.resolve(".cache/iicsctl/sessions"))) {
            assertThat(files.count()).as("the session is cached under $HOME/.cache").isEqualTo(1);
        }
    }

    @Test
    void stderrRedirectedToAFileGetsPlainTimestampedLinesEvenOnATerminal() throws Exception {
        Path log = home.resolve("run.log");
        try (PseudoTerminal terminal = PseudoTerminal.start(variables(true), "2>'" + log + "'",
                "run", "Sales/Load Orders", "--poll", "100ms")) {
            assertThat(terminal.exitCode(60)).as(terminal.screen()).isZero();
            assertThat(terminal.text()).contains("Sales/Load Orders: run 1 SUCCEEDED");
        }
        String written = Files.readString(log);
        assertThat(written).as(written).doesNotContain("\u001b").doesNotContain("\r").isNotEmpty();
        assertThat(written.lines()).allMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z Sales/Load Orders run 1: .*"));
    }
}
