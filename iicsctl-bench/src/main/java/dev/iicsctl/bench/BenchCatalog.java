package dev.iicsctl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the emulator catalogs the benchmarks run on (product.md section 4.2), so a benchmark's workload is
 * reproducible from its command line.
 *
 * <pre>
 * java -cp iicsctl-bench.jar dev.iicsctl.bench.BenchCatalog watch 1000 5s 30s watch-catalog.yaml
 * java -cp iicsctl-bench.jar dev.iicsctl.bench.BenchCatalog load 100 1000 load-catalog.yaml
 * </pre>
 */
public final class BenchCatalog {

    /** Folder of the watcher benchmark's tasks. */
    static final String WATCH_FOLDER = "Bench/Watch";

    private BenchCatalog() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 5 && args[0].equals("watch")) {
            write(Path.of(args[4]), watch(Integer.parseInt(args[1]), seconds(args[2]), seconds(args[3])));
        } else if (args.length == 4 && args[0].equals("load")) {
            write(Path.of(args[3]), load(Integer.parseInt(args[1]), Integer.parseInt(args[2])));
        } else {
            System.err.println("usage: BenchCatalog watch N MIN MAX FILE | load RUNNING STARTABLE FILE"
                    + " (durations in seconds, e.g. 5s)");
            System.exit(2);
        }
    }

    /**
     * @param tasks how many tasks
     * @param minSeconds the shortest run
     * @param maxSeconds the longest run
     * @return a catalog of {@code tasks} mapping tasks whose run durations are spread evenly from min to max,
     *     in an order that interleaves short and long ones (so ends are spread over the whole window)
     */
    static String watch(int tasks, double minSeconds, double maxSeconds) {
        StringBuilder y = new StringBuilder("tasks:\n");
        for (int i = 0; i < tasks; i++) {
            // Multiplying by a number coprime to the count permutes 0..tasks-1: neighbours get unrelated durations.
            int slot = (int) ((i * 7919L) % tasks);
            double fraction = tasks == 1 ? 0 : slot / (double) (tasks - 1);
            long millis = Math.round((minSeconds + (maxSeconds - minSeconds) * fraction) * 1000);
            y.append(String.format(Locale.ROOT, "  - {path: %s/T%04d, type: MTT, run: {duration: %dms}}%n",
                    WATCH_FOLDER, i + 1, millis));
        }
        return y.toString();
    }

    /**
     * @param running tasks that run for an hour (to fill the activity monitor)
     * @param startable short tasks that a load test starts over and over
     * @return the catalog of the emulator load benchmark
     */
    static String load(int running, int startable) {
        StringBuilder y = new StringBuilder("tasks:\n");
        for (int i = 1; i <= running; i++) {
            y.append(String.format(Locale.ROOT, "  - {path: Bench/Monitor/M%03d, type: MTT, run: {duration: 1h}}%n", i));
        }
        for (int i = 1; i <= startable; i++) {
            y.append(String.format(Locale.ROOT, "  - {path: Bench/Start/S%04d, type: MTT, run: {duration: 200ms}}%n", i));
        }
        return y.toString();
    }

    private static double seconds(String text) {
        String t = text.endsWith("s") ? text.substring(0, text.length() - 1) : text;
        return Double.parseDouble(t);
    }

    private static void write(Path file, String yaml) throws IOException {
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
    }
}
