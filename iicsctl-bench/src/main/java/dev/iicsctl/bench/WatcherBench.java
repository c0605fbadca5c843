package dev.iicsctl.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.job.IfRunning;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.StartOptions;
import dev.iicsctl.client.monitor.RunWatcher;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 2: one process starts N runs and follows them all through one {@link RunWatcher}; then it compares
 * the moment the watcher reported each run finished with the run's real end in {@code /_emulator/runs}, and
 * counts the API calls the emulator received.
 *
 * <pre>
 * java -Xmx256m -cp iicsctl-bench.jar dev.iicsctl.bench.WatcherBench LOGIN_URL POLL RUNS RESULTS.jsonl
 * </pre>
 * POLL is {@code adaptive} or a fixed interval such as {@code 2s} or {@code 500ms}. One JSON line per run of the
 * benchmark is appended to RESULTS.jsonl (read by {@link WatcherReport}).
 */
public final class WatcherBench {

    /** Threads that send the start requests (the machine has two cores). */
    private static final int STARTERS = 4;
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private WatcherBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: WatcherBench LOGIN_URL adaptive|INTERVAL RUNS RESULTS.jsonl");
            System.exit(2);
        }
        URI login = URI.create(args[0]);
        String strategy = args[1];
        WatcherResult result = run(login, strategy, policy(strategy), Integer.parseInt(args[2]));
        System.out.println(result.summary());
        Files.writeString(Path.of(args[3]), new ObjectMapper().writeValueAsString(result) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static PollPolicy policy(String strategy) {
        if (strategy.equals("adaptive")) {
            return PollPolicy.adaptive();
        }
        String s = strategy.toLowerCase();
        return PollPolicy.fixed(s.endsWith("ms") ? Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)))
                : Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000)));
    }

    static WatcherResult run(URI login, String strategy, PollPolicy policy, int runs) throws Exception {
        EmulatorControl control = new EmulatorControl(login);
        control.reset();
        RequestTimeline timeline = new RequestTimeline();
        Map<String, Instant> reported = new ConcurrentHashMap<>();
        List<CompletableFuture<RunResult>> futures = Collections.synchronizedList(new ArrayList<>());
        Instant started;
        Instant startsDone;
        Instant allDone;
        double startPeakHeap;
        double liveHeap;
        int startPeakThreads;
        int watchThreads;
        Map<String, Integer> threadNames;
        try (ResourceSampler sampler = new ResourceSampler();
             IicsClient iics = IicsClient.builder().loginUrl(login)
                     .credentials("demo@example.com", "demo-password".toCharArray())
                     .traceListener(timeline).build()) {
            List<TaskRef> tasks = iics.tasks().list(TaskType.MTT, BenchCatalog.WATCH_FOLDER);
            if (tasks.size() < runs) {
                throw new IllegalStateException("the catalog has " + tasks.size() + " tasks under "
                        + BenchCatalog.WATCH_FOLDER + ", fewer than " + runs + ": make one with BenchCatalog watch");
            }
            sampler.restart();
            started = Instant.now();
            try (RunWatcher watcher = iics.monitor().watcher(policy)) {
                ExecutorService starters = Executors.newFixedThreadPool(STARTERS);
                StartOptions anyway = StartOptions.defaults().withIfRunning(IfRunning.START);
                for (TaskRef task : tasks.subList(0, runs)) {
                    starters.execute(() -> {
                        RunHandle handle = iics.jobs().start(task, anyway);
                        futures.add(watcher.watch(handle).whenComplete((r, e) -> {
                            if (r != null) {
                                reported.put(key(r), Instant.now());
                            }
                        }));
                    });
                }
                starters.shutdown();
                if (!starters.awaitTermination(MAX_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("starting " + runs + " runs took longer than " + MAX_WAIT);
                }
                startsDone = Instant.now();
                startPeakHeap = sampler.peakHeapMiB();
                startPeakThreads = sampler.peakThreads();
                liveHeap = sampler.liveHeapMiB();
                threadNames = ResourceSampler.threadNames();
                sampler.restart();
                CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                        .get(MAX_WAIT.toSeconds(), TimeUnit.SECONDS);
                allDone = Instant.now();
            }
            watchThreads = sampler.peakThreads();
            startPeakHeap = Math.max(startPeakHeap, sampler.peakHeapMiB());
        }
        if (futures.size() != runs) {
            throw new IllegalStateException(runs - futures.size() + " starts failed; see the messages above");
        }
        return WatcherResult.of(strategy, runs, Duration.between(started, startsDone), Duration.between(started, allDone),
                reported, control.runEnds(), control.requestCounts(), timeline,
                new WatcherResult.Resources(startPeakHeap, liveHeap,
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / 1048576.0,
                        startPeakThreads, watchThreads, threadNames));
    }

    private static String key(RunResult r) {
        return r.task().id() + "#" + r.runId();
    }

}
