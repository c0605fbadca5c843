package dev.iicsctl.cli.run;

import dev.iicsctl.cli.connect.Connection;
import dev.iicsctl.cli.session.RecentRuns;
import dev.iicsctl.client.job.RunHandle;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.task.TaskRef;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The job runs this machine started, for one login and user: {@code run} notes each start, and {@code status}
 * and {@code stop} look here for a run that IICS does not show yet (a new run is in neither the activity monitor
 * nor the log for a few seconds). A note that cannot be written costs one warning line, never the exit code.
 */
public final class StartedHere {
    private final RecentRuns store;
    private final String loginUrl;
    private final String username;
    private final Consumer<String> warn;

    StartedHere(RecentRuns store, String loginUrl, String username, Consumer<String> warn) {
        this.store = store;
        this.loginUrl = loginUrl;
        this.username = username;
        this.warn = warn;
    }

    /**
     * @param cacheHome the cache folder ({@code XDG_CACHE_HOME} or {@code ~/.cache})
     * @param connection the command's connection (its login URL and user)
     * @param warn where a warning line goes
     * @return the runs started here through this connection's login and user
     */
    public static StartedHere of(Path cacheHome, Connection connection, Consumer<String> warn) {
        return new StartedHere(new RecentRuns(cacheHome.resolve("iicsctl").resolve("recent-runs.json"),
                Clock.systemUTC()), connection.settings().loginUrl().toString(), connection.settings().username(),
                warn);
    }

    /** @return notes nothing and finds nothing (the demo's throw-away emulator) */
    public static StartedHere none() {
        return new StartedHere(null, "", "", line -> { });
    }

    /** Notes a run this command has just started. */
    public void started(RunHandle run) {
        if (store == null) {
            return;
        }
        try {
            store.remember(entry(run.task(), run.runId()));
        } catch (IOException | RuntimeException e) {
            warn.accept("iicsctl: could not note run " + run.runId() + " of " + run.task().displayName() + " in "
                    + store.file() + " (" + e.getMessage() + "): a 'status' or 'stop' in the next seconds may not "
                    + "see it");
        }
    }

    /** Forgets a run once it is seen finished. */
    public void seen(RunResult result) {
        if (store == null || !result.isFinished()) {
            return;
        }
        try {
            store.forget(entry(result.task(), result.runId()));
        } catch (IOException | RuntimeException e) {
            // It expires by itself; status and stop see it finished in the activity log meanwhile.
        }
    }

    /**
     * @param task the task
     * @param shownRunId the newest run id of the task that IICS shows (0 when none)
     * @return the newest run of the task started here, when it is newer than what IICS shows
     */
    public Optional<RunHandle> newerThan(TaskRef task, long shownRunId) {
        if (store == null) {
            return Optional.empty();
        }
        return store.newest(loginUrl, username, task.id(), task.name(), task.type().code())
                .filter(e -> e.runId() > shownRunId)
                .map(e -> RunHandle.of(task.learnedFrom(e.taskId(), e.taskName()), e.runId()));
    }

    private RecentRuns.Entry entry(TaskRef task, long runId) {
        return new RecentRuns.Entry(loginUrl, username, task.id(), task.name(), task.type().code(), runId, null);
    }
}
