package dev.iicsctl.client.support;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.RetryPolicy;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import java.net.URI;
import java.time.Duration;

/** A short catalog for the client tests, and a client set up for fast tests against an emulator. */
public final class TestCatalog {

    public static final String USER = "demo@example.com";
    public static final String PASSWORD = "demo-password";

    public static final String ORDERS_ID = "0100000Z00000000001N";
    public static final String ORDERS_FID = "4JzMQBmn5YWbX1CCECivWK";

    /** Task durations are short; "Sales/Slow Load" runs long enough to be caught running. */
    public static final String YAML = """
            users:
              - username: demo@example.com
                password: demo-password
                org: Demo Org
            tasks:
              - path: Sales/Load Orders
                type: MTT
                id: 0100000Z00000000001N
                federatedId: 4JzMQBmn5YWbX1CCECivWK
                run:
                  duration: 300ms
                  outcome: success
                  rows: {successSource: 800, failedSource: 0, successTarget: 800, failedTarget: 0}
              - path: Sales/Load Customers
                type: MTT
                run:
                  duration: 200ms
                  outcome: warning
                  rows: {successSource: 800, failedSource: 0, successTarget: 600, failedTarget: 200}
              - path: Finance/Load Orders
                type: MTT
                run: {duration: 200ms, outcome: failed, errorMessage: "Connection refused"}
              - path: Default/Sync Accounts
                type: DSS
                id: 0100000Z00000000002K
                run: {duration: 200ms, outcome: success, rows: {successSource: 10, failedSource: 0, successTarget: 10, failedTarget: 0}}
              - path: Sales/Slow Load
                type: MTT
                run: {duration: 2s, outcome: success, rows: {successSource: 50, failedSource: 0, successTarget: 50, failedTarget: 0}}
              - path: Nightly/Linear Load
                type: WORKFLOW
                children: [Sales/Load Orders, Default/Sync Accounts]
            """;

    /** Taskflows to append to {@link #YAML}. */
    public static final String TASKFLOWS = """
            taskflows:
              - path: Orchestration/Orchestrate Sales
                apiName: Orchestrate_Sales
                published: true
                run: {duration: 400ms, outcome: success}
                subtasks: [Sales/Load Orders, Default/Sync Accounts]
              - path: Orchestration/Close Books
                apiName: Close_Books
                published: true
                run: {duration: 300ms, outcome: suspended, errorMessage: "Post Invoices failed"}
                subtasks: [Sales/Load Customers, Finance/Load Orders]
              - path: Orchestration/Draft Flow
                apiName: Draft_Flow
                published: false
                run: {duration: 300ms, outcome: success}
                subtasks: [Sales/Load Orders]
              - path: Orchestration/Renamed Flow
                apiName: renamed-flow-2
                published: true
                run: {duration: 200ms, outcome: success}
                subtasks: [Sales/Load Orders]
            """;

    private TestCatalog() {
    }

    /** @return "Sales/Load Orders" as resolved by path (federated id, no v2 id yet) */
    public static TaskRef ordersTask() {
        return new TaskRef(null, ORDERS_FID, "Load Orders", "Sales/Load Orders", TaskType.MTT);
    }

    /**
     * @param loginUrl the emulator's login URL
     * @return a builder with demo credentials, no retry sleeps, quick polling and a short reconcile window
     */
    public static IicsClient.Builder client(URI loginUrl) {
        return IicsClient.builder()
                .loginUrl(loginUrl)
                .credentials(USER, PASSWORD.toCharArray())
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100), true))
                .pollPolicy(new PollPolicy(Duration.ofMillis(50), Duration.ofMillis(250), 1.5))
                .reconcileWindow(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(10));
    }
}
