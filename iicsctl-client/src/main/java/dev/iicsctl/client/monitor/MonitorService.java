package dev.iicsctl.client.monitor;

import dev.iicsctl.client.PollPolicy;
import java.util.List;

/**
 * The org's running jobs, and the asynchronous watcher for many runs.
 * Obtain it with {@link dev.iicsctl.client.IicsClient#monitor()}.
 */
public interface MonitorService {

    /** @return the activity monitor now: every job running in the org */
    List<ActiveRun> running();

    /** @return a new watcher polling with the client's poll policy */
    RunWatcher watcher();

    /**
     * @param poll the poll policy; the interval starts over at {@code initial} whenever a run is added
     * @return a new watcher
     */
    RunWatcher watcher(PollPolicy poll);
}
