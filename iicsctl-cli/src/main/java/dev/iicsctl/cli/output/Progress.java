package dev.iicsctl.cli.output;

import java.io.PrintWriter;

/**
 * Progress of runs being waited for, on stderr: drawn in place on a terminal, one line per state change
 * otherwise (so scheduler logs stay readable). Safe to call from several threads.
 */
public interface Progress extends AutoCloseable {

    /** The latest known state of a run (called on every poll). */
    void update(RunReport run);

    /** The run has ended or is no longer followed: take it off the live display. */
    void done(RunReport run);

    /** A diagnostic line (hint, warning) that must not be drawn over. */
    void note(String line);

    /**
     * Prints something on stdout without mixing it into the live lines: on a terminal, stdout and stderr are the
     * same screen, so the live lines are taken away while it prints and drawn again below it.
     */
    void above(Runnable print);

    /** Stops drawing and leaves the terminal clean. */
    @Override
    void close();

    /** In-place progress on a terminal, line progress elsewhere. */
    static Progress create(PrintWriter err, boolean terminal, Style style) {
        return terminal ? new TerminalProgress(err, style) : new LineProgress(err);
    }
}
