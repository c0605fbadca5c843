package dev.iicsctl.cli.output;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** One line per state change, with a UTC timestamp: for logs, pipes and schedulers. */
final class LineProgress implements Progress {
    private final PrintWriter err;
    private final Map<String, String> lastState = new HashMap<>();

    LineProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void update(RunReport run) {
        String key = ProgressLine.key(run);
        String milestone = ProgressLine.milestone(run);
        if (!milestone.equals(lastState.put(key, milestone))) {
            err.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + ProgressLine.describe(run));
            err.flush();
        }
    }

    @Override
    public synchronized void done(RunReport run) {
        update(run);
        lastState.remove(ProgressLine.key(run));
    }

    @Override
    public synchronized void note(String line) {
        err.println(ControlChars.escape(line));
        err.flush();
    }

    @Override
    public synchronized void above(Runnable print) {
        print.run();
    }

    @Override
    public void close() {
        // nothing drawn in place
    }
}
