package dev.iicsctl.client.internal.monitor;

import dev.iicsctl.client.PollPolicy;
import dev.iicsctl.client.internal.job.RunLookup;
import dev.iicsctl.client.internal.time.TimeSource;
import dev.iicsctl.client.monitor.ActiveRun;
import dev.iicsctl.client.monitor.MonitorService;
import dev.iicsctl.client.monitor.RunWatcher;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link MonitorService} over the v2 activity monitor; keeps track of its watchers to close them with the client. */
public final class HttpMonitorService implements MonitorService {

    private final RunLookup lookup;
    private final PollPolicy defaultPoll;
    private final Duration visibilityGrace;
    private final TimeSource time;
    private final Set<HttpRunWatcher> watchers = ConcurrentHashMap.newKeySet();

    /**
     * @param lookup run lookups
     * @param defaultPoll the client's poll policy
     * @param visibilityGrace how long a watched run may be shown nowhere before it counts as lost
     * @param time what the watchers' ticks are scheduled on
     */
    public HttpMonitorService(RunLookup lookup, PollPolicy defaultPoll, Duration visibilityGrace, TimeSource time) {
        this.time = time;
        this.lookup = lookup;
        this.defaultPoll = defaultPoll;
        this.visibilityGrace = visibilityGrace;
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
        HttpRunWatcher w = new HttpRunWatcher(lookup, poll, visibilityGrace, time, watchers::remove);
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
