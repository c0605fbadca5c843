package dev.iicsctl.client.internal.monitor;

import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.internal.job.RunLookup;
import dev.iicsctl.client.monitor.ActiveRun;
import dev.iicsctl.client.monitor.MonitorService;
import dev.iicsctl.client.monitor.RunWatcher;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link MonitorService} over the v2 activity monitor; keeps track of its watchers to close them with the client. */
public final class HttpMonitorService implements MonitorService {

    private final RunLookup lookup;
    private final PollPolicy defaultPoll;
    private final Set<HttpRunWatcher> watchers = ConcurrentHashMap.newKeySet();

    /**
     * @param lookup run lookups
     * @param defaultPoll the client's poll policy
     */
    public HttpMonitorService(RunLookup lookup, PollPolicy defaultPoll) {
        this.lookup = lookup;
        this.defaultPoll = defaultPoll;
    }

    @Override
    public List<ActiveRun> running() {
        return lookup.monitor();
    }

    @Override
    public RunWatcher watcher() {
        return watcher(defaultPoll);
    }

    @Override
    public RunWatcher watcher(PollPolicy poll) {
        HttpRunWatcher w = new HttpRunWatcher(lookup, poll, watchers::remove);
        watchers.add(w);
        return w;
    }

    /** Closes every watcher still open. */
    public void close() {
        for (HttpRunWatcher w : List.copyOf(watchers)) {
            w.close();
        }
    }
}
