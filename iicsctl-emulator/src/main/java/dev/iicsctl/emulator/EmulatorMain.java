package dev.iicsctl.emulator;

import dev.iicsctl.emulator.catalog.CatalogUser;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone entry point: {@code java -jar iicsctl-emulator.jar [--port 8080] [--catalog FILE] ...}.
 * Prints the login URL and the credentials, then serves until stopped. Bad options or an invalid catalog:
 * one line on stderr and exit code 2.
 */
public final class EmulatorMain {
    /** Exit code for bad options or an unusable catalog or port. */
    static final int USAGE_ERROR = 2;

    private EmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        Launch launch = launch(args, System.out, System.err, true);
        if (launch.emulator() == null) {
            System.exit(launch.exitCode());
            return;
        }
        new CountDownLatch(1).await();
    }

    /**
     * The outcome of starting from the command line.
     *
     * @param emulator the started emulator, or {@code null} when it did not start
     * @param exitCode the exit code to use when it did not start
     */
    record Launch(Emulator emulator, int exitCode) {}

    /** Parses options, starts the emulator and prints how to use it (no shutdown hook: for tests). */
    static Launch launch(String[] args, PrintStream out, PrintStream err) {
        return launch(args, out, err, false);
    }

    /**
     * Parses options, starts the emulator and prints how to use it. The shutdown hook is installed before the
     * banner, so a script that stops the process as soon as it sees the banner stops it cleanly.
     */
    static Launch launch(String[] args, PrintStream out, PrintStream err, boolean closeOnShutdown) {
        try {
            MainOptions options = MainOptions.parse(args);
            if (options.help) {
                out.println(MainOptions.USAGE);
                return new Launch(null, 0);
            }
            Emulator emulator = options.builder.build().start();
            if (closeOnShutdown) {
                Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "iics-emulator-shutdown"));
            }
            printBanner(emulator, out);
            return new Launch(emulator, 0);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("iicsctl emulator: " + e.getMessage());
            return new Launch(null, USAGE_ERROR);
        }
    }

    private static void printBanner(Emulator emulator, PrintStream out) {
        out.println("iicsctl IICS emulator " + Emulator.VERSION);
        out.println("  login URL: " + emulator.loginUrl());
        out.println("  pod URL:   " + emulator.podUrl());
        for (CatalogUser u : emulator.catalog().users()) {
            boolean demo = u.username().equals(Emulator.DEMO_USERNAME) && u.password().equals(Emulator.DEMO_PASSWORD);
            // Only the public demo password is printed; passwords of a user's own catalog never are.
            out.println("  user:      " + u.username() + (demo ? "  password: " + u.password() : "  (password from the catalog)"));
        }
        out.println("  catalog:   " + emulator.catalog().tasks().size() + " tasks, "
                + emulator.catalog().taskflows().size() + " taskflows");
        out.println("Try: curl -s -X POST " + emulator.loginUrl() + "/ma/api/v2/user/login -H 'Content-Type: application/json' "
                + "-d '{\"username\":\"" + Emulator.DEMO_USERNAME + "\",\"password\":\"" + Emulator.DEMO_PASSWORD + "\"}'");
        out.println("Serving until stopped (Ctrl-C).");
        out.flush();
    }
}
