package dev.iicsctl.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@link WatcherBench} results into the Markdown table of docs/benchmarks.md and the SVG chart of
 * detection lag against API calls.
 *
 * <pre>
 * java -cp iicsctl-bench.jar dev.iicsctl.bench.WatcherReport CHART.svg [LABEL=]RESULTS.jsonl...
 * </pre>
 * Several result files (e.g. before and after a change) become several series of the chart.
 */
public final class WatcherReport {

    private WatcherReport() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: WatcherReport CHART.svg [LABEL=]RESULTS.jsonl...");
            System.exit(2);
        }
        Map<String, List<WatcherResult>> series = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            String label = eq < 0 ? "" : args[i].substring(0, eq);
            series.put(label, read(Path.of(args[i].substring(eq + 1))));
        }
        series.forEach((label, results) -> System.out.println(table(label, results)));
        Files.writeString(Path.of(args[0]), LagChart.svg(series), StandardCharsets.UTF_8);
    }

    static List<WatcherResult> read(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<WatcherResult> out = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(json.readValue(line, WatcherResult.class));
            }
        }
        return out;
    }

    static String table(String label, List<WatcherResult> results) {
        StringBuilder t = new StringBuilder(label.isEmpty() ? "" : "**" + label + "**\n\n");
        t.append("| poll | runs | monitor calls | log calls (per finished run) | intervals, mean length | calls per interval: mean / max "
                + "| lag p50 / p95 / max | interval in force p50 | lag ÷ interval p50 | peak heap / live heap | threads watching |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (WatcherResult r : results) {
            t.append(String.format(Locale.ROOT,
                    "| %s | %d | %d | %d (%.2f) | %d, %.2f s | %.1f / %d | %.2f / %.2f / %.2f s | %.2f s | %.2f | %.0f / %.0f MiB | %d |%n",
                    r.strategy(), r.runs(), r.calls().monitor(), r.calls().log(), r.calls().log() / (double) r.runs(),
                    r.ticks(), r.meanIntervalMillis() / 1000, r.meanCallsPerTick(), r.maxCallsPerTick(),
                    r.lagMillis().p50() / 1000, r.lagMillis().p95() / 1000, r.lagMillis().max() / 1000,
                    r.intervalInForceMillis().p50() / 1000, r.lagOverInterval().p50(),
                    r.resources().peakHeapMiB(), r.resources().liveHeapMiB(), r.resources().watchPeakThreads()));
        }
        return t.toString();
    }
}
