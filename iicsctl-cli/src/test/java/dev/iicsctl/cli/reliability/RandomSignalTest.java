package dev.iicsctl.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.ChildIicsctl;
import dev.iicsctl.cli.TestCatalog;
import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code iicsctl run} processes get SIGTERM or SIGINT at random instants: during the login, the lookup, the
 * start (whose answer the emulator delays or drops) and the wait, for jobs and taskflows. The emulator's runs are
 * the ground truth: no run is left running after a signal with {@code --on-interrupt stop} (none is stopped with
 * {@code leave}), no task is started twice, every exit code is 128 + the signal, and every run that exists is
 * named in a line. Seeded ({@code -Diicsctl.signals.seed=N}), bounded in trials ({@code -Diicsctl.signals.trials},
 * 24 by default) and in time; prints its seed and figures.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RandomSignalTest {

    private static final String LOGIN = TestCatalog.LOGIN;
    private static final String JOB = "Sales/Long Load";
    private static final String TASKFLOW = "Orchestration/Slow Flow";
    /** No new trial starts after this; the trials run so far are judged. */
    private static final Duration BUDGET = Duration.ofMinutes(4);

    /** Where in the command's life the signal lands. */
    enum Phase { EARLY, LOGIN, LOOKUP, START, WAIT }

    /** What the emulator does to the start request. */
    enum StartFault { NONE, LATE, DROPPED }

    record Plan(int n, boolean taskflow, String signal, boolean leave, Phase phase, StartFault fault,
            long faultDelayMs, long offsetMs) {

        String startRoute() {
            return taskflow ? "POST /active-bpel/rt/{apiName}" : "POST /saas/api/v2/job";
        }

        String startPath() {
            return taskflow ? "/active-bpel/rt/Slow_Flow" : "/saas/api/v2/job";
        }

        String task() {
            return taskflow ? TASKFLOW : JOB;
        }

        int expectedExit() {
            return "TERM".equals(signal) ? 143 : 130;
        }

        static Plan draw(int n, Random random) {
            // The start is where a signal is hardest to handle: it gets twice the trials of another phase.
            Phase[] phases = {Phase.EARLY, Phase.LOGIN, Phase.LOOKUP, Phase.START, Phase.START, Phase.WAIT};
            Phase phase = phases[random.nextInt(phases.length)];
            StartFault fault = StartFault.values()[random.nextInt(StartFault.values().length)];
            long faultDelay = fault == StartFault.NONE ? 0 : 300 + random.nextInt(2200);
            long offset = switch (phase) {
                case EARLY -> random.nextInt(3000);
                case START -> random.nextInt((int) Math.max(50, faultDelay));
                case WAIT -> 200 + random.nextInt(1500);
                default -> random.nextInt(250);
            };
            return new Plan(n, random.nextInt(4) == 0, random.nextBoolean() ? "TERM" : "INT", random.nextInt(6) == 0,
                    phase, fault, faultDelay, offset);
        }
    }

    /** The figures over all trials. */
    static final class Figures {
        int trials;
        int runsStarted;
        int stopped;
        int left;
        int leftRunning;
        int stoppedDespiteLeave;
        int duplicates;
        int wrongExits;
        int hung;
        int silent;
        final Map<Phase, Integer> byPhase = new EnumMap<>(Phase.class);
        final List<String> failures = new ArrayList<>();

        @Override
        public String toString() {
            return "trials " + trials + " " + byPhase + ", runs started " + runsStarted + " (stopped " + stopped
                    + ", left on purpose " + left + "); jobs left running after a signal " + leftRunning
                    + ", stopped despite leave " + stoppedDespiteLeave + ", duplicate starts " + duplicates
                    + ", wrong exit codes " + wrongExits + ", hung " + hung + ", runs named in no line " + silent;
        }
    }

    @TempDir
    Path home;

    @Test
    void signalsAtRandomInstantsNeverLeaveARunningJobADuplicateOrAWrongExit() throws Exception {
        long seed = Long.getLong("iicsctl.signals.seed", System.nanoTime());
        int trials = Integer.getInteger("iicsctl.signals.trials", 24);
        System.out.println("RandomSignalTest: seed " + seed + " (-Diicsctl.signals.seed=" + seed + "), " + trials
                + " trials");
        Random random = new Random(seed);
        Figures figures = new Figures();
        long began = System.nanoTime();
        try (Emulator emulator = Emulator.builder().catalogYaml(TestCatalog.YAML)
                .visibilityDelay(Duration.ofMillis(100)).latency(Duration.ofMillis(40))
                .loginLatency(Duration.ofMillis(300)).seed(seed).build().start()) {
            for (int n = 1; n <= trials; n++) {
                if (System.nanoTime() - began > BUDGET.toNanos()) {
                    System.out.println("RandomSignalTest: time budget spent after " + (n - 1) + " trials");
                    break;
                }
                trial(emulator, Plan.draw(n, random), figures);
            }
        }
        System.out.println("RandomSignalTest: seed " + seed + ": " + figures + " in "
                + Duration.ofNanos(System.nanoTime() - began).toSeconds() + " s");
        assertThat(figures.failures).as("seed " + seed + ": " + figures).isEmpty();
        assertThat(figures.trials).isPositive();
    }

    private void trial(Emulator emulator, Plan plan, Figures figures) throws Exception {
        emulator.reset();
        if (plan.fault() == StartFault.LATE) {
            emulator.addFault(FaultRule.delay("POST", plan.startPath(), Duration.ofMillis(plan.faultDelayMs())).times(1));
        } else if (plan.fault() == StartFault.DROPPED) {
            emulator.addFault(FaultRule.dropAfter("POST", plan.startPath())
                    .delay(Duration.ofMillis(plan.faultDelayMs())).times(1));
        }
        Path dir = Files.createDirectories(home.resolve("trial-" + plan.n()));
        List<String> args = new ArrayList<>(List.of("run", plan.task(), "--poll", "100ms"));
        if (plan.leave()) {
            args.addAll(List.of("--on-interrupt", "leave"));
        }
        long t0 = System.nanoTime();
        Process process = ChildIicsctl.start(emulator, dir, args.toArray(String[]::new));
        try {
            awaitPhase(emulator, plan, process);
            Thread.sleep(plan.offsetMs());
            if (process.isAlive()) {
                ChildIicsctl.signal(process, plan.signal());
            }
            figures.trials++;
            figures.byPhase.merge(plan.phase(), 1, Integer::sum);
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                figures.hung++;
                figures.failures.add(plan + ": still running 90 s after the signal");
                return;
            }
            judge(emulator, plan, process.exitValue(), Files.readString(dir.resolve("err.txt")), figures);
            System.out.println("RandomSignalTest: " + plan + ": exit " + process.exitValue() + ", runs "
                    + emulator.runs().size() + ", " + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms");
        } finally {
            process.destroyForcibly();
        }
    }

    private static void awaitPhase(Emulator emulator, Plan plan, Process process) throws InterruptedException {
        BooleanSupplier reached = switch (plan.phase()) {
            case EARLY -> () -> true;
            case LOGIN -> () -> emulator.requests().count(LOGIN) > 0;
            case LOOKUP -> () -> emulator.requests().total() > emulator.requests().count(LOGIN);
            case START -> () -> emulator.requests().count(plan.startRoute()) > 0;
            case WAIT -> () -> !emulator.runs().isEmpty();
        };
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!reached.getAsBoolean() && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static void judge(Emulator emulator, Plan plan, int exit, String err, Figures figures) {
        List<EmulatedRun> runs = emulator.runs().stream().filter(r -> r.taskPath().equals(plan.task())).toList();
        figures.runsStarted += runs.size();
        if (runs.size() > 1) {
            figures.duplicates += runs.size() - 1;
            figures.failures.add(plan + ": " + runs.size() + " runs");
        }
        if (exit != plan.expectedExit()) {
            figures.wrongExits++;
            figures.failures.add(plan + ": exit " + exit + ", stderr: " + err);
        }
        for (EmulatedRun run : runs) {
            boolean running = !run.ended() && !"STOPPING".equals(run.state());
            if (plan.leave()) {
                figures.left++;
                if (!running) {
                    figures.stoppedDespiteLeave++;
                    figures.failures.add(plan + ": run " + run.runId() + " is " + run.state() + " despite leave");
                }
            } else if (running) {
                figures.leftRunning++;
                figures.failures.add(plan + ": run " + run.runId() + " left " + run.state() + ", stderr: " + err);
            } else {
                figures.stopped++;
            }
            if (!err.contains("run " + run.runId())) {
                figures.silent++;
                figures.failures.add(plan + ": no line names run " + run.runId() + ", stderr: " + err);
            }
        }
    }
}
