package dev.iicsctl.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iicsctl.cli.Awaits;
import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.TestCatalog;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command, with --verbose, and the failures a user meets (expired session, an HTML error page, a garbled
 * login answer, a wrong password): neither the password nor any session id appears on stdout, on stderr (HTTP
 * trace and stack traces included), or in any file iicsctl wrote, except the 0600 session cache itself.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SecretScanTest {

    private static final String USER = "scan@example.com";
    private static final String PASSWORD = "Pw-7f3c19e4-never-shown";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.with(Emulator.builder()
            .catalogYaml(TestCatalog.YAML.replace("users:\n", "users:\n  - {username: " + USER + ", password: \""
                    + PASSWORD + "\", org: Demo Org}\n"))
            .visibilityDelay(Duration.ofMillis(100)));

    /**
     * A session header or field followed by something other than the mask (the demo's public password, which
     * {@code demo} prints on purpose, aside).
     */
    private static final Pattern UNMASKED = Pattern.compile("(?i)(icSessionId|INFA-SESSION-ID|sessionId|icToken|password)"
            + "\"?\\s*[:=]\\s*\"?(?!\\*\\*\\*)(?!" + Emulator.DEMO_PASSWORD + ")[A-Za-z0-9+/=_-]{6,}");

    @TempDir
    Path home;
    @TempDir
    Path inputs;

    private final Map<String, CliRun.Result> results = new LinkedHashMap<>();
    private final Set<String> sessionIds = new LinkedHashSet<>();

    private CliRun cli() {
        return new CliRun(home).env("IICS_LOGIN_URL", EMULATOR.get().loginUrl().toString())
                .env("IICS_USERNAME", USER).env("IICS_PASSWORD", PASSWORD);
    }

    private void run(String name, CliRun cli, String... args) throws IOException {
        results.put(name, cli.execute(args));
        rememberCachedSession();
    }

    private void rememberCachedSession() throws IOException {
        Path sessions = home.resolve("cache/iicsctl/sessions");
        if (!Files.isDirectory(sessions)) {
            return;
        }
        try (Stream<Path> files = Files.list(sessions)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
                sessionIds.add(new ObjectMapper().readTree(f.toFile()).path("sessionId").asText());
            }
        }
    }

    @Test
    void noCommandEverShowsThePasswordOrASessionId() throws Exception {
        Emulator emulator = EMULATOR.get();
        Path logs = home.resolve("failed-logs");
        Path logFile = home.resolve("orders.log");
        run("login", cli(), "login", "-v");
        run("whoami", cli(), "whoami", "-v");
        run("tasks", cli(), "tasks", "-v");
        run("run", cli(), "run", "Sales/Load Orders", "--poll", "100ms", "-v");
        run("run failed, json, logs saved", cli(), "run", "Finance/Post Invoices", "--poll", "100ms", "-v", "-o", "json",
                "--logs-on-failure", logs.toString());
        run("run taskflow", cli(), "run", "Orchestration/Flow", "--poll", "100ms", "-v");
        run("run --no-wait", cli(), "run", "Sales/Long Load", "--no-wait", "-v");
        run("status", cli(), "status", "Sales/Long Load", "-v");
        run("monitor", cli(), "monitor", "-v");
        run("stop", cli(), "stop", "Sales/Long Load", "--wait", "-v");
        run("logs", cli(), "logs", "Sales/Load Orders", "--out", logFile.toString(), "-v");
        run("history", cli(), "history", "Sales/Load Orders", "-v");
        run("completion", cli(), "completion", "bash");
        emulator.expireSessions();
        run("tasks after expiry", cli(), "tasks", "-v");
        emulator.addFault(FaultRule.status("GET", "/saas/api/v2/activity/*", 503, "text/html",
                "<html><body>Service Unavailable</body></html>"));
        run("history during an outage", cli(), "history", "Sales/Load Orders", "-v");
        emulator.clearFaults();
        emulator.addFault(FaultRule.malformed("POST", "/ma/api/v2/user/login"));
        run("garbled login answer", cli(), "tasks", "--no-session-cache", "-v");
        emulator.clearFaults();
        run("no session cache", cli(), "tasks", "--no-session-cache", "-v");
        run("logout", cli(), "logout", "-v");
        run("wrong password", cli().env("IICS_PASSWORD", PASSWORD + "-wrong"), "login", "-v");
        run("password from stdin", cli().unset("IICS_PASSWORD").stdin(PASSWORD + "\n"), "login", "--password-stdin",
                "-v");
        run("demo", cli(), "demo", "-v", "--task", "Sales/Load Returns");
        results.put("emulator", emulatorCommand());

        assertThat(results.get("run").err()).as("the trace is on").contains("/saas/api/v2/job");
        assertThat(results.get("history during an outage").err()).as("the stack trace is on").contains("\tat ");
        assertThat(sessionIds).as("sessions seen").hasSizeGreaterThanOrEqualTo(3);
        List<String> leaks = new ArrayList<>();
        results.forEach((name, r) -> scan(name, r.out() + "\n" + r.err(), leaks));
        for (Path file : writtenFiles()) {
            scan(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1), leaks);
        }
        assertThat(leaks).isEmpty();
        assertThat(writtenFiles()).as("the saved logs were scanned").anyMatch(p -> p.startsWith(logs))
                .contains(logFile);
    }

    private void scan(String where, String text, List<String> leaks) {
        if (text.contains(PASSWORD)) {
            leaks.add(where + ": the password");
        }
        for (String id : sessionIds) {
            if (text.contains(id)) {
                leaks.add(where + ": session id " + id.substring(0, 3) + "...");
            }
        }
        var m = UNMASKED.matcher(text);
        while (m.find()) {
            leaks.add(where + ": unmasked " + m.group());
        }
    }

    /** Every file iicsctl wrote, except the session cache (the one place a session id belongs, mode 0600). */
    private List<Path> writtenFiles() throws IOException {
        try (Stream<Path> all = Files.walk(home)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(home.resolve("cache/iicsctl/sessions")))
                    .toList();
        }
    }

    /** {@code iicsctl emulator} with a catalog holding the password: its banner must not print it. */
    private CliRun.Result emulatorCommand() throws Exception {
        Path catalog = Files.writeString(inputs.resolve("catalog.yaml"), "users:\n  - {username: " + USER
                + ", password: \"" + PASSWORD + "\"}\ntasks:\n  - {path: A/B, type: MTT}\n");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        CompletableFuture<Thread> runner = new CompletableFuture<>();
        CompletableFuture<CliRun.Result> done = CompletableFuture.supplyAsync(() -> {
            runner.complete(Thread.currentThread());
            return cli().execute("emulator", "--port", Integer.toString(port), "--catalog", catalog.toString(), "-v");
        });
        Thread thread = runner.get(10, TimeUnit.SECONDS);
        Awaits.until("the emulator listening on port " + port, TestCatalog.WAIT,
                () -> done.isDone() || listening(port));
        thread.interrupt();
        return done.get(20, TimeUnit.SECONDS);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
