package dev.iicsctl.client.internal.sharedmonitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One activity monitor answer as left for the other processes.
 *
 * @param scope whose monitor it is
 * @param takenAt when the request was sent (the answer shows the monitor at this moment or later)
 * @param entries the entries as sent
 */
record Snapshot(SnapshotScope scope, Instant takenAt, List<JsonNode> entries) {

    /**
     * @param now the time now
     * @return how old the snapshot is
     */
    Duration age(Instant now) {
        return Duration.between(takenAt, now);
    }
}
