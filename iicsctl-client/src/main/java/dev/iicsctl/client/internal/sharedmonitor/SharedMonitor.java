package dev.iicsctl.client.internal.sharedmonitor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.client.IicsConnectionException;
import dev.iicsctl.client.internal.http.HttpTrace;
import dev.iicsctl.client.internal.job.MonitorSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Activity monitor snapshots shared through a folder by the processes (and clients) of one host that use the
 * same pod and user. A look uses the snapshot when it is younger than the look's {@code maxAge}; otherwise it
 * takes the folder's lock, reads the snapshot again (another process may just have written it), and only if it
 * is still too old makes the one call and leaves its answer for the others. No daemon: whoever needs a poll
 * first makes it. The lock is held for that one call only.
 *
 * <p>Nothing here decides whether a run has ended: a snapshot only stands in for the monitor call, and a run it
 * does not list is looked up in the activity log by the caller exactly as after a call of its own.
 */
public final class SharedMonitor implements MonitorSource {

    /** Longest wait for another process's poll before polling without the lock (and without writing). */
    static final Duration LOCK_WAIT = Duration.ofSeconds(5);
    /** The most a keep-pace look may be behind the poll whose snapshot it uses. */
    static final Duration IN_STEP_MAX = Duration.ofMillis(250);

    private final SnapshotFolder folder;
    private final Clock clock;
    private final Supplier<SnapshotScope> scope;
    private final MonitorSource direct;
    private final HttpTrace trace;

    SharedMonitor(SnapshotFolder folder, Clock clock, Supplier<SnapshotScope> scope, MonitorSource direct,
            HttpTrace trace) {
        this.folder = folder;
        this.clock = clock;
        this.scope = scope;
        this.direct = direct;
        this.trace = trace;
    }

    /**
     * @param folder the shared folder, or {@code null} for no sharing
     * @param maxBytes a larger snapshot file is not read
     * @param clock the wall clock (the snapshots' times are compared across processes)
     * @param scope whose monitor is read (may log in)
     * @param trace where to note the snapshots used
     * @return what puts sharing around the direct call
     */
    public static Function<MonitorSource, MonitorSource> around(Path folder, long maxBytes, Clock clock,
            Supplier<SnapshotScope> scope, HttpTrace trace) {
        if (folder == null) {
            return Function.identity();
        }
        return direct -> new SharedMonitor(new SnapshotFolder(folder, maxBytes), clock, scope, direct, trace);
    }

    /**
     * How far behind the poll a keep-pace look may be and still use its snapshot: the time processes need to
     * hand a snapshot on, with room for scheduling, and small beside the interval.
     *
     * @param interval the look's interval
     * @return the tolerance
     */
    static Duration inStep(Duration interval) {
        Duration tenth = interval.dividedBy(10);
        return tenth.compareTo(IN_STEP_MAX) < 0 ? tenth : IN_STEP_MAX;
    }

    @Override
    public List<JsonNode> entries(Duration maxAge, boolean keepPace) {
        SnapshotScope who = scope.get();
        Instant asked = clock.instant();
        Optional<Snapshot> found = folder.read(who, asked);
        if (found.isPresent()) {
            Duration age = found.get().age(asked);
            if (age.compareTo(maxAge) < 0) {
                if (!keepPace || age.compareTo(inStep(maxAge)) <= 0) {
                    return used(found.get(), age);
                }
                // Out of step with the process that polls: wait for its next poll rather than take an answer that
                // old. A run that ends is then seen at the first poll after its end, as by a poll of one's own;
                // the number of calls stays one per interval.
                pause(maxAge.minus(age));
                return newerThan(who, found.get(), maxAge);
            }
        }
        return pollOnce(who, asked.minus(maxAge));
    }

    /** After the wait: the next poll's snapshot if someone made it, else the one poll of this look. */
    private List<JsonNode> newerThan(SnapshotScope who, Snapshot seen, Duration maxAge) {
        Instant now = clock.instant();
        Optional<Snapshot> next = folder.read(who, now).filter(s -> s.takenAt().isAfter(seen.takenAt()));
        if (next.isPresent() && next.get().age(now).compareTo(maxAge) < 0) {
            return used(next.get(), next.get().age(now));
        }
        // Never the snapshot waited out: the clock's and the file's millisecond steps could make it look younger
        // than the interval by a hair.
        return pollOnce(who, seen.takenAt().plusMillis(1));
    }

    private List<JsonNode> pollOnce(SnapshotScope who, Instant notBefore) {
        try {
            folder.create();
        } catch (IOException e) {
            trace.note("shared monitor folder unusable (" + e.getMessage() + "): polling alone");
            return direct.entries(Duration.ZERO, false);
        }
        try (HostLock.Held lock = HostLock.hold(folder.lockFile(who), LOCK_WAIT)) {
            Instant now = clock.instant();
            Optional<Snapshot> fresh = folder.read(who, now).filter(s -> !s.takenAt().isBefore(notBefore));
            if (fresh.isPresent()) {
                return used(fresh.get(), fresh.get().age(now));
            }
            Instant takenAt = clock.instant();
            List<JsonNode> entries = direct.entries(Duration.ZERO, false);
            if (lock.held()) {
                write(new Snapshot(who, takenAt, entries));
            } else {
                trace.note("the shared monitor lock stayed taken for " + LOCK_WAIT.toSeconds() + " s: polled alone");
            }
            return entries;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e);
        }
    }

    private void write(Snapshot snapshot) {
        try {
            folder.write(snapshot);
        } catch (IOException | RuntimeException e) {
            // Sharing only saves calls: this process has its answer all the same.
            trace.note("could not leave the monitor snapshot for other processes: " + e.getMessage());
        }
    }

    private List<JsonNode> used(Snapshot snapshot, Duration age) {
        trace.note("using the shared activity monitor snapshot taken " + age.toMillis() + " ms ago ("
                + snapshot.entries().size() + " entries)");
        return snapshot.entries();
    }

    // Real time: this waits for another process's poll, which no virtual test clock moves.
    private static void pause(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e);
        }
    }

    private static IicsConnectionException interrupted(InterruptedException e) {
        return new IicsConnectionException("interrupted while waiting for the activity monitor; the run was left running", e);
    }
}
