package dev.iicsctl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 4: N concurrent {@code iicsctl run} processes on one host, each following its own task against one
 * emulator, with shared monitor snapshots off or on. Counts the monitor calls and logins the emulator received,
 * the detection lag of each process (its exit against the run's real end) and the peak sum of the processes'
 * resident memory.
 *
 * <pre>
 * java -cp iicsctl-bench.jar dev.iicsctl.bench.HostShareBench LOGIN_URL LAUNCHER N POLL_SECONDS on|off RESULTS.jsonl
 * java -cp iicsctl-bench.jar dev.iicsctl.bench.HostShareBench report RESULTS.jsonl
 * </pre>
 * The processes run {@code LAUNCHER run Bench/Watch/Tnnnn --poll POLLs} with a fresh cache folder per benchmark
 * run (so the first processes log in), {@code IICSCTL_SHARED_MONITOR} set as asked and
 * {@code IICSCTL_JAVA_OPTS} from the environment of this benchmark.
 */
public final class HostShareBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private HostShareBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("report")) {
            System.out.print(report(Path.of(args[1])));
            return;
        }
        if (args.length != 6) {
            System.err.println("usage: HostShareBench LOGIN_URL LAUNCHER N POLL_SECONDS on|off RESULTS.jsonl"
                    + " | HostShareBench report RESULTS.jsonl");
            System.exit(2);
        }
        ObjectNode result = run(URI.create(args[0]), args[1], Integer.parseInt(args[2]), Double.parseDouble(args[3]),
                args[4]);
        System.out.println(result);
        Files.writeString(Path.of(args[5]), result + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    static ObjectNode run(URI login, String launcher, int n, double pollSeconds, String sharing) throws Exception {
        EmulatorControl control = new EmulatorControl(login);
        control.reset();
        Path home = Files.createTempDirectory("iicsctl-hostshare-");
        Map<String, Instant> exits = new ConcurrentHashMap<>();
        Map<String, Integer> codes = new ConcurrentHashMap<>();
        List<Process> processes = new ArrayList<>();
        String poll = String.format(Locale.ROOT, "%.0fms", pollSeconds * 1000);
        Instant began = Instant.now();
        for (int i = 1; i <= n; i++) {
            String task = String.format(Locale.ROOT, "%s/T%04d", BenchCatalog.WATCH_FOLDER, i);
            ProcessBuilder pb = new ProcessBuilder(launcher, "run", task, "--poll", poll)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = pb.environment();
            env.put("IICS_LOGIN_URL", login.toString());
            env.put("IICS_USERNAME", "demo@example.com");
            env.put("IICS_PASSWORD", "demo-password");
            env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
            env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
            env.put("IICSCTL_SHARED_MONITOR", sharing);
            Process p = pb.start();
            p.onExit().thenAccept(done -> {
                exits.put(task, Instant.now());
                codes.put(task, done.exitValue());
            });
            processes.add(p);
        }
        long peakRssKiB = 0;
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (processes.stream().anyMatch(Process::isAlive)) {
            long sum = 0;
            for (Process p : processes) {
                sum += rssKiB(p);
            }
            peakRssKiB = Math.max(peakRssKiB, sum);
            if (System.nanoTime() > deadline) {
                processes.forEach(Process::destroy);
                throw new IllegalStateException("the processes did not end within " + MAX_WAIT);
            }
            Thread.sleep(200);
        }
        for (Process p : processes) {
            p.waitFor(10, TimeUnit.SECONDS);
        }
        Thread.sleep(100); // the onExit callbacks
        Instant ended = exits.values().stream().max(Instant::compareTo).orElse(Instant.now());
        Map<String, Long> counts = control.requestCounts();
        Map<String, Instant[]> spans = runSpans(login);
        List<Double> lags = new ArrayList<>();
        Instant firstStart = null;
        for (Map.Entry<String, Instant> e : exits.entrySet()) {
            Instant[] span = spans.get(e.getKey());
            if (span != null && span[1] != null) {
                lags.add(Duration.between(span[1], e.getValue()).toMillis() / 1000.0);
            }
            if (span != null && (firstStart == null || span[0].isBefore(firstStart))) {
                firstStart = span[0];
            }
        }
        long monitorCalls = counts.getOrDefault("GET /saas/api/v2/activity/activityMonitor", 0L);
        double followed = Duration.between(firstStart == null ? began : firstStart, ended).toMillis() / 1000.0;
        Percentiles lag = Percentiles.of(lags);
        ObjectNode out = JSON.createObjectNode();
        out.put("sharing", sharing);
        out.put("processes", n);
        out.put("pollSeconds", pollSeconds);
        out.put("failed", codes.values().stream().filter(c -> c != 0).count());
        out.put("monitorCalls", monitorCalls);
        out.put("followedSeconds", followed);
        out.put("monitorCallsPerInterval", monitorCalls / (followed / pollSeconds));
        out.put("logins", counts.getOrDefault("POST /ma/api/v2/user/login", 0L));
        out.put("logCalls", counts.getOrDefault("GET /saas/api/v2/activity/activityLog", 0L));
        out.put("lagP50", lag.p50());
        out.put("lagP95", lag.p95());
        out.put("peakRssMiB", peakRssKiB / 1024.0);
        out.put("wallSeconds", Duration.between(began, ended).toMillis() / 1000.0);
        return out;
    }

    /** The resident memory of a process, from /proc (0 once it has ended). */
    private static long rssKiB(Process p) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // ended meanwhile
        }
        return 0;
    }

    /** @return start and end (null while running) of each task's run, by task path */
    private static Map<String, Instant[]> runSpans(URI login) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(login.resolve("/_emulator/runs")).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Instant[]> spans = new HashMap<>();
        for (JsonNode run : JSON.readTree(answer.body()).path("runs")) {
            JsonNode start = run.path("startTimeUtc");
            JsonNode end = run.path("endTimeUtc");
            if (start.isTextual()) {
                spans.put(run.path("taskPath").asText(), new Instant[] {Instant.parse(start.asText()),
                        end.isTextual() ? Instant.parse(end.asText()) : null});
            }
        }
        return spans;
    }

    static String report(Path results) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("| processes | sharing | monitor calls | per interval | logins | log calls | lag p50 | lag p95 |"
                + " peak RSS, sum | failed |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String line : Files.readAllLines(results)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode r = JSON.readTree(line);
            md.append(String.format(Locale.ROOT, "| %d | %s | %d | %.2f | %d | %d | %.2f s | %.2f s | %.0f MiB | %d |%n",
                    r.path("processes").asInt(), r.path("sharing").asText(), r.path("monitorCalls").asLong(),
                    r.path("monitorCallsPerInterval").asDouble(), r.path("logins").asLong(),
                    r.path("logCalls").asLong(), r.path("lagP50").asDouble(), r.path("lagP95").asDouble(),
                    r.path("peakRssMiB").asDouble(), r.path("failed").asLong()));
        }
        return md.toString();
    }
}
