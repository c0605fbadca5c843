package dev.iicsctl.client.support;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.RetryPolicy;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import java.net.URI;
import java.time.Duration;

/**
 * The test catalog the client's tests share with the command line's (the emulator's test jar), and a client set up
 * for fast tests against an emulator.
 */
public final class TestCatalog {

    public static final String USER = "demo@example.com";
    public static final String PASSWORD = "demo-password";

    public static final String ORDERS_ID = "0100000Z00000000001N";
    public static final String ORDERS_FID = "4JzMQBmn5YWbX1CCECivWK";

    /**
     * The users and tasks of the shared test catalog (its part before {@code taskflows:}), to which a test may append
     * tasks; "Sales/Slow Load" runs long enough to be caught running.
     */
    public static final String YAML;

    /** The taskflows of the shared test catalog, to append to {@link #YAML}; a test may append taskflows of its own. */
    public static final String TASKFLOWS;

    static {
        String catalog = SharedCatalog.read();
        int taskflows = catalog.indexOf("\ntaskflows:\n");
        if (taskflows < 0) {
            throw new IllegalStateException(SharedCatalog.RESOURCE + " has no taskflows section");
        }
        YAML = catalog.substring(0, taskflows + 1);
        TASKFLOWS = catalog.substring(taskflows + 1);
    }

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
