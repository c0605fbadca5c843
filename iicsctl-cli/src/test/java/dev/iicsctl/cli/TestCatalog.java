package dev.iicsctl.cli;

import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import java.time.Duration;
import java.util.List;

/** A small catalog with short runs for end-to-end tests of the commands. */
public final class TestCatalog {
    public static final String USER = "demo@example.com";
    public static final String PASSWORD = "demo-password";
    public static final String LOGIN = "POST /ma/api/v2/user/login";

    public static final String YAML = """
            users:
              - {username: demo@example.com, password: demo-password, org: Demo Org}
            tasks:
              - path: Sales/Load Orders
                type: MTT
                id: 0100000Z00000000001N
                federatedId: 4JzMQBmn5YWbX1CCECivWK
                run:
                  duration: 300ms
                  outcome: success
                  rows: {successSource: 800, failedSource: 0, successTarget: 600, failedTarget: 200}
              - path: Sales/Load Returns
                type: MTT
                run:
                  duration: 300ms
                  outcome: warning
                  rows: {successSource: 100, failedSource: 0, successTarget: 95, failedTarget: 5}
                  errorMessage: "5 rows were rejected"
              - path: Finance/Post Invoices
                type: MTT
                run: {duration: 300ms, outcome: failed, errorMessage: "Connection refused"}
              - path: Sales/Slow Load
                type: MTT
                run: {duration: 15s, outcome: success}    # queued for its first 10%
              - path: Finance/Load Orders
                type: DSS
                run: {duration: 300ms, outcome: success}
              - path: Sales/Nightly
                type: WORKFLOW
                children: [Sales/Load Orders]
              - path: Sales/Nightly Returns
                type: WORKFLOW
                children: [Sales/Load Orders, Sales/Load Returns]
              - path: Sales/Nightly Close
                type: WORKFLOW
                children: [Sales/Load Orders, Finance/Post Invoices]
              - path: Sales/Nightly Slow
                type: WORKFLOW
                children: [Sales/Slow Load]
            taskflows:
              - path: Orchestration/Flow
                apiName: Flow
                published: true
                run: {duration: 300ms, outcome: success}
                subtasks: [Sales/Load Orders]
              - path: Orchestration/Returns Flow
                run: {duration: 300ms, outcome: success}
                subtasks: [Sales/Load Orders, Sales/Load Returns]
              - path: Orchestration/Close Flow
                run: {duration: 300ms, outcome: failed, errorMessage: "Post Invoices failed: connection refused"}
                subtasks: [Sales/Load Orders, Finance/Post Invoices]
              - path: Orchestration/Suspend Flow
                apiName: Suspend_Flow
                run: {duration: 300ms, outcome: suspended, errorMessage: "Post Invoices faulted"}
                subtasks: [Sales/Load Orders, Finance/Post Invoices]
              - path: Orchestration/Close Books
                apiName: Close_Books
                published: true
                run: {duration: 300ms, outcome: suspended, errorMessage: "Post Invoices failed"}
                subtasks: [Sales/Load Orders, Finance/Post Invoices]
              - path: Orchestration/Slow Flow
                apiName: Slow_Flow
                published: true
                run: {duration: 15s, outcome: success}
                subtasks: [Sales/Load Orders]
              - path: Orchestration/Broken Flow
                apiName: Broken_Flow
                published: true
                run: {duration: 300ms, outcome: failed, errorMessage: "step failed"}
                subtasks: [Sales/Load Orders]
              - path: Orchestration/Draft Flow
                apiName: Draft_Flow
                published: false
                subtasks: [Sales/Load Orders]
            """;

    /** How long a test waits for the emulator to show a run ({@link Emulator#awaitRun}); tests time out at 60 s. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private TestCatalog() {}

    /** An emulator serving this catalog, with a short visibility delay. */
    public static EmulatorExtension extension() {
        return EmulatorExtension.with(Emulator.builder().catalogYaml(YAML).visibilityDelay(Duration.ofMillis(100)));
    }

    /** The emulator's runs of one task. */
    public static List<EmulatedRun> runsOf(Emulator emulator, String path) {
        return emulator.runs().stream().filter(r -> r.taskPath().equals(path)).toList();
    }
}
