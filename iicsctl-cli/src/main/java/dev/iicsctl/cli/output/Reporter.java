package dev.iicsctl.cli.output;

import java.io.PrintWriter;
import java.util.List;

/**
 * Writes the data a command produces to stdout, as text for people or as JSON Lines for programs. Nothing else
 * goes to stdout: progress, hints and warnings go to stderr.
 */
public interface Reporter {

    /** A run's outcome or state ({@code run}, {@code status}, {@code stop}). */
    void run(RunReport run);

    /** A task's recent runs, newest first. */
    void history(TaskInfo task, List<RunReport> runs);

    /** The org's running jobs. */
    void monitor(List<RunReport> running);

    /** Runnable tasks. */
    void tasks(List<TaskInfo> tasks);

    /** The session in use ({@code login}, {@code whoami}). */
    void session(SessionInfo session);

    /** The result of {@code logout}. */
    void loggedOut(String loginUrl, String username, boolean hadSession);

    /** A run's session log ({@code logs} without {@code --out}). */
    void log(RunReport run, String log);

    /** A log saved to a file ({@code logs --out}). */
    void logSaved(RunReport run, String file);

    /** The reporter for an output format; text confirmations go to {@code err}, JSON objects are data on stdout. */
    static Reporter create(OutputFormat format, PrintWriter out, PrintWriter err, Style style) {
        return format == OutputFormat.json ? new JsonLinesReporter(out) : new TextReporter(out, err, style);
    }
}
