package dev.iicsctl.cli.output;

import dev.iicsctl.cli.time.DurationFormat;
import dev.iicsctl.client.job.Rows;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Concise text for people. */
public final class TextReporter implements Reporter {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final PrintWriter notes;
    private final Style style;

    /** @param notes where confirmations go ({@code logged out}, {@code saved the log}): stderr, as they are not data */
    public TextReporter(PrintWriter out, PrintWriter notes, Style style) {
        this.out = out;
        this.notes = notes;
        this.style = style;
    }

    @Override
    public synchronized void run(RunReport run) {
        StringBuilder line = new StringBuilder(style.bold(shown(run.task().label()))).append(": ");
        if (run.runId() != null) {
            line.append("run ").append(shown(run.runId())).append(' ');
        }
        line.append(style.state(shown(run.state()))).append(when(run));
        out.println(line);
        if (!run.rows().isEmpty()) {
            out.println("  rows: " + rows(run.rows()));
        }
        if (run.errorMessage() != null && !run.errorMessage().isBlank()) {
            out.println("  error: " + shown(run.errorMessage()));
        }
        if (run.subtasks() != null && !run.subtasks().isEmpty()) {
            out.println("  subtasks:");
            run.subtasks().forEach(this::subtask);
        }
        out.flush();
    }

    /** One line per subtask: name, type, state, rows, error. */
    private void subtask(RunReport step) {
        StringBuilder line = new StringBuilder("    ").append(shown(step.task().name() == null ? step.task().label()
                : step.task().name()));
        if (step.task().type() != null) {
            line.append(" (").append(shown(step.task().type())).append(')');
        }
        line.append(": ").append(style.state(shown(step.state()))).append(when(step));
        if (!step.rows().isEmpty()) {
            line.append("; rows: ").append(rows(step.rows()));
        }
        if (step.errorMessage() != null && !step.errorMessage().isBlank()) {
            line.append("; error: ").append(shown(step.errorMessage()));
        }
        out.println(line);
    }

    private static String when(RunReport run) {
        Duration duration = run.duration();
        if (duration != null) {
            return " in " + DurationFormat.brief(duration);
        }
        if (run.startTime() != null) {
            return ("STARTED".equals(run.state()) ? " at " : " since ") + TIME.format(run.startTime());
        }
        return "";
    }

    private static String rows(Rows rows) {
        return "source " + rows.successSource() + " ok, " + rows.failedSource() + " failed; target "
                + rows.successTarget() + " ok, " + rows.failedTarget() + " failed";
    }

    @Override
    public void history(TaskInfo task, List<RunReport> runs) {
        if (runs.isEmpty()) {
            out.println(shown(task.label()) + ("TASKFLOW".equals(task.type()) ? ": no runs in the taskflow status resource"
                    : ": no finished runs in the activity log"));
            out.flush();
            return;
        }
        List<Duration> oldestFirst = new ArrayList<>();
        for (int i = runs.size() - 1; i >= 0; i--) {
            Duration d = runs.get(i).duration();
            if (d != null) {
                oldestFirst.add(d);
            }
        }
        out.println(style.bold(shown(task.label())) + ": " + runs.size() + " recent runs, newest first");
        if (!oldestFirst.isEmpty()) {
            out.println("durations, oldest to newest: " + Sparkline.of(oldestFirst) + "  ("
                    + DurationFormat.brief(oldestFirst.stream().min(Duration::compareTo).orElseThrow()) + " to "
                    + DurationFormat.brief(oldestFirst.stream().max(Duration::compareTo).orElseThrow()) + ")");
        }
        Table table = new Table("RUN", "STATE", "START (UTC)", "DURATION", "TARGET OK", "TARGET FAILED", "ERROR");
        for (RunReport run : runs) {
            table.row(run.runId(), run.state(), time(run.startTime()),
                    run.duration() == null ? "" : DurationFormat.brief(run.duration()),
                    run.rows().successTarget(), run.rows().failedTarget(),
                    Objects.toString(run.errorMessage(), ""));
        }
        table.print(out, style);
        out.flush();
    }

    @Override
    public void monitor(List<RunReport> running) {
        if (running.isEmpty()) {
            out.println("no jobs running");
            out.flush();
            return;
        }
        Table table = new Table("TASK", "TYPE", "RUN", "STATE", "STARTED (UTC)", "SOURCE OK", "TARGET OK");
        for (RunReport run : running) {
            table.row(run.task().label(), run.task().type(), run.runId(), run.state(), time(run.startTime()),
                    run.rows().successSource(), run.rows().successTarget());
        }
        table.print(out, style);
        out.flush();
    }

    @Override
    public void tasks(List<TaskInfo> tasks) {
        if (tasks.isEmpty()) {
            out.println("no tasks found");
            out.flush();
            return;
        }
        // The objects resource gives no v2 ids; a column that would be empty on every row is left out.
        boolean ids = tasks.stream().anyMatch(task -> task.id() != null);
        Table table = ids ? new Table("TYPE", "PATH", "ID", "FEDERATED ID") : new Table("TYPE", "PATH", "FEDERATED ID");
        for (TaskInfo task : tasks) {
            if (ids) {
                table.row(task.type(), task.label(), task.id(), task.federatedId());
            } else {
                table.row(task.type(), task.label(), task.federatedId());
            }
        }
        table.print(out, style);
        out.flush();
    }

    @Override
    public void session(SessionInfo session) {
        out.println("logged in as " + style.bold(shown(session.username())) + " at " + shown(session.loginUrl()));
        out.println("  server: " + shown(session.serverUrl()));
        if (session.lastUsed() != null) {
            out.println("  last used: " + time(session.lastUsed()));
        }
        out.println("  cached: " + (session.cached() ? "yes" : "no (--no-session-cache)"));
        out.flush();
    }

    @Override
    public void loggedOut(String loginUrl, String username, boolean hadSession) {
        notes.println("iicsctl: " + (hadSession ? "logged out " + username + " at " + loginUrl
                : "no cached session for " + username + " at " + loginUrl));
        notes.flush();
    }

    @Override
    public void log(RunReport run, String log) {
        out.print(log);
        if (!log.endsWith("\n")) {
            out.println();
        }
        out.flush();
    }

    @Override
    public void logSaved(RunReport run, String file) {
        notes.println("iicsctl: saved the log of " + shown(run.task().label()) + " run " + shown(run.runId()) + " to "
                + file);
        notes.flush();
    }

    /** Text from IICS, with its control characters escaped. */
    private static String shown(Object text) {
        return text == null ? null : ControlChars.escape(text.toString());
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
