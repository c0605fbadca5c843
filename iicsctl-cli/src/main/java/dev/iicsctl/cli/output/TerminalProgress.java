package dev.iicsctl.cli.output;

import dev.iicsctl.cli.time.DurationFormat;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Live lines redrawn in place on a terminal: a spinner, elapsed time, state and rows for each run. */
final class TerminalProgress implements Progress {
    private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    private static final String CLEAR_LINE = "\r\u001b[2K";
    private static final String UP = "\u001b[1A";

    private final PrintWriter err;
    private final Style style;
    private final Map<String, Live> live = new LinkedHashMap<>();
    private final ScheduledExecutorService ticker;
    private int drawnLines;
    private int frame;

    private record Live(RunReport run, Instant since) {}

    TerminalProgress(PrintWriter err, Style style) {
        this.err = err;
        this.style = style;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "iicsctl-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::redraw, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void update(RunReport run) {
        String key = ProgressLine.key(run);
        Live previous = live.get(key);
        live.put(key, new Live(run, previous == null ? Instant.now() : previous.since()));
        draw();
    }

    @Override
    public synchronized void done(RunReport run) {
        live.remove(ProgressLine.key(run));
        draw();
    }

    @Override
    public synchronized void note(String line) {
        erase();
        err.println(ControlChars.escape(line));
        draw();
    }

    @Override
    public synchronized void above(Runnable print) {
        erase();
        err.flush();
        print.run();
        draw();
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        erase();
        err.flush();
    }

    private synchronized void redraw() {
        frame++;
        draw();
    }

    private void draw() {
        erase();
        String spinner = style.dim(SPINNER[frame % SPINNER.length]);
        for (Live entry : live.values()) {
            Duration elapsed = Duration.between(entry.since(), Instant.now());
            err.print(spinner + " " + ProgressLine.describe(entry.run()).replace(
                    ": " + entry.run().state(), ": " + style.state(entry.run().state()))
                    + "  " + style.dim(DurationFormat.clock(elapsed)) + "\n");
        }
        drawnLines = live.size();
        err.flush();
    }

    private void erase() {
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < drawnLines; i++) {
            codes.append(UP).append(CLEAR_LINE);
        }
        drawnLines = 0;
        err.print(codes);
    }
}
