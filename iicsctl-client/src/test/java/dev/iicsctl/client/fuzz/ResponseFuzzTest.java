package dev.iicsctl.client.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.IicsException;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.RetryPolicy;
import dev.iicsctl.client.auth.AuthVersion;
import dev.iicsctl.client.job.IfRunning;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.StartOptions;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.client.taskflow.TaskflowRun;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.Fault;
import dev.iicsctl.emulator.fault.FaultRule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds the client's answer handling random and truncated JSON, XML, HTML and text, with random statuses,
 * through real HTTP: a fault rule makes the emulator answer one call of an operation with the random body. The
 * operation may succeed or fail, but a failure must be a typed {@link IicsException} with a one-line message
 * that shows no HTML and no parser internals; never a Jackson, null-pointer or other untyped exception.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ResponseFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 6L);
    static final int BODIES = 500;

    /** One client operation and the call of it that gets the random answer. */
    private record Operation(String name, String method, String path, Action action) {
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private static Emulator emulator;
    private static IicsClient iics;
    private static TaskRef orders;
    private static RunResult finished;
    private static TaskflowRun flowRun;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().catalogYaml(TestCatalog.YAML + TestCatalog.TASKFLOWS)
                .visibilityDelay(Duration.ofMillis(20)).seed(SEED).build().start();
        iics = client(AuthVersion.V2);
        orders = iics.tasks().resolve("Sales/Load Orders", TaskType.MTT);
        finished = iics.jobs().await(iics.jobs().start(orders), Duration.ofSeconds(20));
        orders = finished.task();
        TaskRef flow = iics.tasks().resolve("Orchestration/Orchestrate Sales", TaskType.TASKFLOW);
        flowRun = iics.taskflows().start(flow, Map.of());
    }

    @AfterAll
    static void stop() {
        if (iics != null) {
            iics.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private static IicsClient client(AuthVersion version) {
        return TestCatalog.client(emulator.loginUrl()).auth(version)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), true))
                .pollPolicy(PollPolicy.fixed(Duration.ofMillis(20)))
                .reconcileWindow(Duration.ofMillis(150))
                .build();
    }

    private static List<Operation> operations() {
        TaskRef sync = new TaskRef("0100000Z00000000002K", null, "Sync Accounts", "Default/Sync Accounts", TaskType.DSS);
        String v2 = "/saas/api/v2";
        return List.of(
                new Operation("v2 login", "POST", "/ma/api/v2/user/login", () -> {
                    try (IicsClient fresh = client(AuthVersion.V2)) {
                        fresh.auth().session();
                    }
                }),
                new Operation("v3 login", "POST", "/saas/public/core/v3/login", () -> {
                    try (IicsClient fresh = client(AuthVersion.V3)) {
                        fresh.auth().session();
                    }
                }),
                new Operation("resolve by path", "POST", "/saas/public/core/v3/lookup",
                        () -> iics.tasks().resolve("Sales/Load Orders", null)),
                new Operation("resolve by name", "GET", "/saas/public/core/v3/objects",
                        () -> iics.tasks().resolve("Load Customers", TaskType.MTT)),
                new Operation("list tasks", "GET", "/saas/public/core/v3/objects",
                        () -> iics.tasks().list(TaskType.MTT, "Sales")),
                new Operation("start", "POST", v2 + "/job", () -> iics.jobs().start(sync,
                        StartOptions.defaults().withIfRunning(IfRunning.START))),
                new Operation("if-running check", "GET", v2 + "/activity/activityMonitor",
                        () -> iics.jobs().running(orders)),
                new Operation("monitor", "GET", v2 + "/activity/activityMonitor", () -> iics.monitor().running()),
                new Operation("history", "GET", v2 + "/activity/activityLog", () -> iics.jobs().history(orders, 5)),
                new Operation("status", "GET", v2 + "/activity/activityLog",
                        () -> iics.jobs().status(RunHandle.of(orders, finished.runId()))),
                new Operation("await", "GET", v2 + "/activity/activityLog",
                        () -> iics.jobs().await(RunHandle.of(orders, finished.runId()), Duration.ofSeconds(2))),
                new Operation("session log", "GET", v2 + "/activity/activityLog/*",
                        () -> iics.logs().sessionLogs(finished)),
                new Operation("error log", "GET", v2 + "/activity/errorLog/*", () -> iics.logs().errorLogs(finished)),
                new Operation("stop", "POST", v2 + "/job/stop", () -> iics.jobs().stop(orders, false)),
                new Operation("taskflow start", "POST", "/active-bpel/rt/*", () -> iics.taskflows().start(
                        iics.tasks().resolve("Orchestration/Orchestrate Sales", TaskType.TASKFLOW), Map.of())),
                new Operation("taskflow status", "GET", "/active-bpel/services/tf/status/*",
                        () -> iics.taskflows().status(flowRun)));
    }

    @Test
    void onlyTypedOneLineErrorsEscapeWhateverTheServerAnswers() {
        RandomBodies bodies = new RandomBodies(SEED);
        List<Operation> ops = operations();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < BODIES; i++) {
            Operation op = ops.get(bodies.below(ops.size()));
            String what;
            if (bodies.chance(0.15)) {
                emulator.addFault(FaultRule.malformed(op.method(), op.path()).times(1));
                what = "malformed (truncated real answer)";
            } else {
                RandomBodies.Body body = bodies.next();
                int status = bodies.status();
                emulator.addFault(new FaultRule(op.method(), op.path(), 1, 1, Duration.ZERO,
                        new Fault.Status(status, body.contentType(), body.text(), null)));
                what = "HTTP " + status + " " + body.kind() + " (" + body.contentType() + "): " + abbreviate(body.text());
            }
            String outcome = "ok";
            try {
                op.action().run();
            } catch (IicsException e) {
                outcome = e.getClass().getSimpleName();
                String message = e.getMessage();
                if (message == null || message.isBlank() || message.contains("\n") || message.contains("<html")
                        || message.contains("com.fasterxml") || message.contains("java.")) {
                    problems.add("#" + i + " " + op.name() + " answered " + what + " -> unclear message: " + message);
                }
            } catch (Throwable t) {
                outcome = "UNTYPED " + t.getClass().getSimpleName();
                problems.add("#" + i + " " + op.name() + " answered " + what + " -> untyped " + stackTrace(t));
            } finally {
                emulator.clearFaults();
            }
            outcomes.merge(op.name() + " -> " + outcome, 1, Integer::sum);
        }
        System.out.println("Response fuzz (seed " + SEED + ", " + BODIES + " bodies): " + outcomes);
        assertThat(problems).as("answers that made the client throw something untyped or unclear").isEmpty();
        assertThat(outcomes.keySet()).as("the bodies reach both outcomes")
                .anyMatch(k -> k.endsWith("-> ok")).anyMatch(k -> k.contains("Exception"));
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "..." : oneLine;
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 1500 ? s.substring(0, 1500) : s;
    }
}
