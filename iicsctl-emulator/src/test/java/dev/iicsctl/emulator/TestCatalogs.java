package dev.iicsctl.emulator;

import dev.iicsctl.emulator.time.MovableClock;
import java.time.Instant;

/** Small catalogs for tests: durations in seconds, used with a {@link MovableClock}. */
final class TestCatalogs {
    static final String ORDERS_ID = "0100000Z00000000001N";
    static final String ORDERS_FRS = "4JzMQBmn5YWbX1CCECivWK";

    static final String STANDARD = """
            users:
              - {username: demo@example.com, password: demo-password, org: Demo Org}
              - {username: ops@example.com, password: ops-secret-pw, org: Demo Org}
            tasks:
              - path: Sales/Load Orders
                type: MTT
                id: 0100000Z00000000001N
                federatedId: 4JzMQBmn5YWbX1CCECivWK
                run: {duration: 10s, outcome: success, rows: {successSource: 1000, failedSource: 0, successTarget: 1000, failedTarget: 0}}
              - path: Sales/Load Returns
                type: MTT
                id: 0100000Z00000000002R
                run: {duration: 2s, outcome: warning, rows: {successSource: 100, successTarget: 90, failedTarget: 10}, errorMessage: "10 rows rejected"}
              - path: Finance/Post Invoices
                type: DSS
                id: 0100000Z00000000003P
                run: {duration: 2s, outcome: failed, errorMessage: "Connection refused"}
              - path: Finance/Scripted
                type: DRS
                id: 0100000Z00000000004S
                run: {duration: 1s}
                runs:
                  - {duration: 1s, outcome: failed, errorMessage: "first run fails"}
              - {path: Finance/Mask, type: DMASK, id: 0100000Z00000000005M, run: {duration: 1s}}
              - {path: Legacy/Ledger, type: PCS, id: 0100000Z00000000006L, run: {duration: 1s}}
              - {path: Other/Load Orders, type: MTT, run: {duration: 1s}}
              - path: Sales/Nightly
                type: WORKFLOW
                id: 0100000F00000000007W
                children: [Finance/Mask, Sales/Load Returns, Legacy/Ledger]
              - path: Sales/Nightly Broken
                type: WORKFLOW
                id: 0100000F00000000008B
                children: [Finance/Mask, Finance/Post Invoices, Legacy/Ledger]
            taskflows:
              - {path: Flows/Good, apiName: Good, run: {duration: 4s, outcome: success}, subtasks: [Finance/Mask, Legacy/Ledger]}
              - {path: Flows/Bad, apiName: Bad, run: {duration: 2s, outcome: failed, errorMessage: "step failed"}, subtasks: [Finance/Mask, Legacy/Ledger]}
              - {path: Flows/Stuck, apiName: Stuck, run: {duration: 4s, outcome: suspended, errorMessage: "Ledger faulted"}, subtasks: [Finance/Mask, Legacy/Ledger]}
              - {path: Flows/Draft, apiName: Draft, published: false, subtasks: [Finance/Mask]}
              - {path: Flows/Mixed, apiName: Mixed, run: {duration: 2s, outcome: success}, subtasks: [Finance/Mask, Sales/Load Returns]}
            """;

    private TestCatalogs() {}

    /** A stopped clock in summer (EDT, UTC-4), so that the Eastern times of the wire are four hours behind UTC. */
    static MovableClock summerClock() {
        return MovableClock.stopped(Instant.parse("2026-07-01T12:00:00Z"));
    }

    /** A started emulator on the standard catalog with a hand-moved clock and a 500 ms visibility delay. */
    static Emulator start(MovableClock clock) {
        return Emulator.builder().catalogYaml(STANDARD).clock(clock).seed(42).build().start();
    }
}
