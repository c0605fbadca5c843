package dev.iicsctl.client.support;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.emulator.Emulator;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Two processes of one host, as the client sees them: two clients of the same user that share activity monitor
 * snapshots through one cache folder, against an emulator with a quick and a long task. The first starts runs;
 * the second did not, so it knows them only from what IICS shows, the shared snapshot, or what it is told.
 *
 * @param emulator the emulator, with {@code Shared/Quick One} (300 ms) and {@code Shared/Long One} (20 min)
 * @param first the client that starts the runs
 * @param second another process's client, sharing the first's cache folder
 */
public record TwoProcesses(Emulator emulator, IicsClient first, IicsClient second) implements AutoCloseable {

    public static final String QUICK = "Shared/Quick One";
    public static final String LONG = "Shared/Long One";
    public static final String MONITOR = "GET /saas/api/v2/activity/activityMonitor";
    public static final String LOG = "GET /saas/api/v2/activity/activityLog";
    public static final String START = "POST /saas/api/v2/job";

    private static final String CATALOG = """
            tasks:
              - {path: Shared/Quick One, type: MTT, run: {duration: 300ms}}
              - {path: Shared/Long One, type: MTT, run: {duration: 20m}}
            """;

    /**
     * @param visibilityDelay how long a fresh run is listed nowhere
     * @param folder the cache folder both share
     */
    public static TwoProcesses sharing(Path folder, Duration visibilityDelay) {
        Emulator emulator = Emulator.builder().catalogYaml(CATALOG).visibilityDelay(visibilityDelay).build().start();
        return new TwoProcesses(emulator,
                TestCatalog.client(emulator.loginUrl()).sharedMonitorSnapshots(folder).build(),
                TestCatalog.client(emulator.loginUrl()).sharedMonitorSnapshots(folder).build());
    }

    /** @return how many requests of {@code route} (such as {@link #MONITOR}) the emulator has answered */
    public long count(String route) {
        return emulator.requests().count(route);
    }

    @Override
    public void close() {
        first.close();
        second.close();
        emulator.close();
    }
}
