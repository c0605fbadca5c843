package dev.iicsctl.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The iicsctl process ({@code dev.iicsctl.cli.Main} on the test class path) on a pseudo-terminal, as a person at a
 * terminal runs it. util-linux {@code script} (on every Debian and Ubuntu machine, and in CI) gives the terminal;
 * what the test writes is typed on it, and everything the terminal shows is read back.
 */
final class PseudoTerminal implements AutoCloseable {
    private final Process process;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Thread reader;

    private PseudoTerminal(Process process) {
        this.process = process;
        this.reader = new Thread(this::copyScreen, "pty-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Skips the test, saying why, when {@code script} is not installed. */
    static Path scriptCommand() {
        Path script = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .map(dir -> Path.of(dir, "script"))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
        assumeTrue(script != null, "util-linux 'script' is not on PATH, so no pseudo-terminal can be made "
                + "(apt-get install util-linux, or bsdutils on older Debian)");
        return script;
    }

    /**
     * Starts iicsctl on a new terminal.
     *
     * @param variables the whole environment of the process (nothing else is inherited but PATH)
     * @param shellRedirect appended to the command line as the shell reads it, e.g. {@code 2>run.log}
     */
    static PseudoTerminal start(Map<String, String> variables, String shellRedirect, String... args)
            throws IOException {
        Path script = scriptCommand();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "dev.iicsctl.cli.Main"));
        command.addAll(List.of(args));
        String line = command.stream().map(PseudoTerminal::quote).collect(Collectors.joining(" "))
                + (shellRedirect.isEmpty() ? "" : " " + shellRedirect);
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "-qefc", line, "/dev/null")
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        env.put("PATH", path == null ? "/usr/bin:/bin" : path);
        env.put("TERM", "xterm");
        env.putAll(variables);
        return new PseudoTerminal(builder.start());
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private void copyScreen() {
        try (InputStream in = process.getInputStream()) {
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (screen) {
                    screen.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the terminal closed
        }
    }

    /** Everything shown on the terminal so far. */
    String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    /** What the terminal shows without colour codes. */
    String text() {
        return screen().replaceAll("\u001b\\[[0-9;]*m", "");
    }

    /** Waits (bounded) until the terminal shows this text. */
    boolean awaitScreen(String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!screen().contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive() && !screen().contains(text)) {
                return screen().contains(text);
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Types a line on the terminal. */
    void type(String line) throws IOException {
        OutputStream keyboard = process.getOutputStream();
        keyboard.write((line + "\r").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    /** Waits (bounded) for iicsctl to exit; {@code script -e} exits with its code. */
    int exitCode(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("iicsctl did not exit in " + seconds + " s; the terminal shows:\n" + screen());
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
