package dev.iicsctl.cli;

import dev.iicsctl.emulator.Emulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real {@code iicsctl} process against an emulator, as a scheduler starts it, and the signals it gets. */
public final class ChildIicsctl {
    private static volatile Boolean envRestoresSignals;

    private ChildIicsctl() {
    }

    /**
     * @param emulator the emulator to log in to
     * @param dir where its stdout ({@code out.txt}), stderr ({@code err.txt}) and session cache go
     * @param args the command line
     * @return the process
     */
    public static Process start(Emulator emulator, Path dir, String... args) throws IOException {
        return start(emulator, dir, dir, args);
    }

    /**
     * @param emulator the emulator to log in to
     * @param dir where its stdout ({@code out.txt}) and stderr ({@code err.txt}) go
     * @param home where its session cache ({@code cache}) and config ({@code config}) folders are, which
     *     processes of one host share
     * @param args the command line
     * @return the process
     */
    public static Process start(Emulator emulator, Path dir, Path home, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        // A process started in the background inherits an ignored SIGINT, and a JVM never handles a signal it
        // inherited as ignored; GNU env can restore the default so that the test means the same everywhere.
        if (envCanRestoreSignals()) {
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        // Quick start-up flags, as a short-lived command line tool would use: the trials measure signals, not the JIT.
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.iicsctl.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("IICS_LOGIN_URL", emulator.loginUrl().toString());
        builder.environment().put("IICS_USERNAME", TestCatalog.USER);
        builder.environment().put("IICS_PASSWORD", TestCatalog.PASSWORD);
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        return builder.start();
    }

    /**
     * @param process the process
     * @param signal e.g. {@code TERM}
     */
    public static void signal(Process process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    private static boolean envCanRestoreSignals() {
        if (envRestoresSignals == null) {
            try {
                Process probe = new ProcessBuilder("env", "--default-signal=INT", "true")
                        .redirectErrorStream(true).start();
                envRestoresSignals = probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
            } catch (IOException e) {
                envRestoresSignals = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return envRestoresSignals;
    }
}
