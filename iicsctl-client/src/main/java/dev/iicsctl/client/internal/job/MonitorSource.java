package dev.iicsctl.client.internal.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * Where the activity monitor's entries come from: the one call, or a snapshot shared by the processes of this
 * host (see {@code internal.sharedmonitor}). Every reading of the monitor goes through one source, so that the
 * follower, the watcher, the if-running check and the start reconcile all share alike.
 */
@FunctionalInterface
public interface MonitorSource {

    /**
     * @param maxAge how old an answer may be; zero asks for one taken now
     * @param keepPace whether the caller looks at a steady interval and may wait (less than {@code maxAge}) for
     *     the next poll of the process that polls for everyone rather than use a snapshot far behind it
     * @return the monitor's entries as sent
     */
    List<JsonNode> entries(Duration maxAge, boolean keepPace);
}
