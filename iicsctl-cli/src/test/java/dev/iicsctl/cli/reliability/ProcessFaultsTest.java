package dev.iicsctl.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.TestCatalog;
import dev.iicsctl.emulator.Emulator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults around the process rather than single requests: the service restarted under a waiting run (it forgets
 * the run and the session), and a login URL that accepts connections but never answers. Each ends with one
 * clear line, exit 8, in bounded time, and never a false success. (Signals: {@code InterruptTest}.)
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ProcessFaultsTest {

    @TempDir
    Path home;

    @Test
    void anEmulatorRestartedDuringAWaitIsExitEightNeverASuccess() throws Exception {
        Emulator first = Emulator.builder().catalogYaml(TestCatalog.YAML).visibilityDelay(Duration.ofMillis(100))
                .build().start();
        Emulator second = null;
        try {
            CliRun cli = CliRun.against(first, home);
            CompletableFuture<CliRun.Result> run = CompletableFuture.supplyAsync(
                    () -> cli.execute("run", "Sales/Long Load", "--poll", "100ms", "-o", "json"));
            first.awaitRun("Sales/Long Load", TestCatalog.WAIT, "RUNNING");
            int loginPort = first.loginUrl().getPort();
            int podPort = first.podUrl().getPort();
            first.close();
            second = restartOn(loginPort, podPort);

            CliRun.Result result = run.get(60, TimeUnit.SECONDS);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(8);
            assertThat(result.out()).as("no run object, so no success").isEmpty();
            String last = result.err().lines().reduce((a, b) -> b).orElseThrow();
            assertThat(last).startsWith("iicsctl: ").contains("Sales/Long Load").contains("run 1");
            assertThat(result.err()).doesNotContain("\tat ").doesNotContain("SUCCEEDED");
            assertThat(second.runs()).as("nothing was started again").isEmpty();
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    /**
     * A new emulator on the ports the first one had. Another process on the machine may hold a port for a moment
     * after the close (an outgoing connection given the same ephemeral port), so binding is tried for a few seconds.
     */
    private static Emulator restartOn(int loginPort, int podPort) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return Emulator.builder().catalogYaml(TestCatalog.YAML).visibilityDelay(Duration.ofMillis(100))
                        .port(loginPort).podPort(podPort).build().start();
            } catch (java.io.UncheckedIOException portTaken) {
                if (System.nanoTime() > deadline) {
                    throw portTaken;
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void aLoginUrlThatNeverAnswersIsExitEightInBoundedTime() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // accepted, read by nobody, never answered
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            }, "silent-login-host");
            acceptor.setDaemon(true);
            acceptor.start();
            CliRun cli = new CliRun(home).env("IICS_LOGIN_URL", "http://127.0.0.1:" + silent.getLocalPort())
                    .env("IICS_USERNAME", TestCatalog.USER).env("IICS_PASSWORD", TestCatalog.PASSWORD);
            long t0 = System.nanoTime();
            CliRun.Result result = cli.execute("run", "Sales/Load Orders", "--read-timeout", "500ms");
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(8);
            assertThat(result.out()).isEmpty();
            assertThat(result.err().lines()).singleElement().asString()
                    .startsWith("iicsctl: ").contains("did not answer").contains("500 ms");
            // Five attempts of 500 ms with backoff between them: seconds, not the default two minutes each.
            assertThat(took).isLessThan(Duration.ofSeconds(45));
            assertThat(held).as("the client tried again").hasSizeGreaterThan(1);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
