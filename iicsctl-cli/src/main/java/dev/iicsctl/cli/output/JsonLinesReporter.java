package dev.iicsctl.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * JSON Lines: one object per line on stdout, with exactly the fields of product contract 2.6 for runs. Nothing
 * else is ever written to stdout in this format.
 */
public final class JsonLinesReporter implements Reporter {
    /** Jackson escapes C0 characters itself; C1 (U+009B is a CSI) and bidi overrides are escaped as well. */
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setCharacterEscapes(new JsonControlEscapes());
    }
    private final PrintWriter out;

    public JsonLinesReporter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void run(RunReport run) {
        write(runObject(run));
    }

    @Override
    public void history(TaskInfo task, List<RunReport> runs) {
        runs.forEach(this::run);
    }

    @Override
    public void monitor(List<RunReport> running) {
        running.forEach(this::run);
    }

    @Override
    public void tasks(List<TaskInfo> tasks) {
        tasks.forEach(task -> write(taskObject(task)));
    }

    @Override
    public void session(SessionInfo session) {
        ObjectNode node = JSON.createObjectNode();
        node.put("loginUrl", session.loginUrl());
        node.put("username", session.username());
        node.put("serverUrl", session.serverUrl());
        node.put("lastUsed", time(session.lastUsed()));
        node.put("cached", session.cached());
        write(node);
    }

    @Override
    public void loggedOut(String loginUrl, String username, boolean hadSession) {
        ObjectNode node = JSON.createObjectNode();
        node.put("loginUrl", loginUrl);
        node.put("username", username);
        node.put("loggedOut", hadSession);
        write(node);
    }

    @Override
    public void log(RunReport run, String log) {
        write(runReference(run).put("log", log));
    }

    @Override
    public void logSaved(RunReport run, String file) {
        write(runReference(run).put("file", file));
    }

    /** {@code task} and {@code runId} only, for objects about a run that are not the run itself. */
    private static ObjectNode runReference(RunReport run) {
        ObjectNode node = JSON.createObjectNode();
        node.set("task", taskObject(run.task()));
        putRunId(node, run.runId());
        return node;
    }

    /** The run object of product contract 2.6, field for field and in that order. */
    static ObjectNode runObject(RunReport run) {
        ObjectNode node = JSON.createObjectNode();
        node.set("task", taskObject(run.task()));
        putRunId(node, run.runId());
        node.put("state", run.state());
        node.put("startTime", time(run.startTime()));
        node.put("endTime", time(run.endTime()));
        if (run.duration() == null) {
            node.putNull("durationSeconds");
        } else {
            node.put("durationSeconds", run.duration().toSeconds());
        }
        ObjectNode rows = node.putObject("rows");
        rows.put("successSource", run.rows().successSource());
        rows.put("failedSource", run.rows().failedSource());
        rows.put("successTarget", run.rows().successTarget());
        rows.put("failedTarget", run.rows().failedTarget());
        node.put("errorMessage", run.errorMessage());
        node.put("exitCode", run.exitCode());
        if (run.subtasks() != null) {
            var subtasks = node.putArray("subtasks");
            run.subtasks().forEach(subtask -> subtasks.add(runObject(subtask)));
        }
        return node;
    }

    private static ObjectNode taskObject(TaskInfo task) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", task.id());
        node.put("federatedId", task.federatedId());
        node.put("name", task.name());
        node.put("path", task.path());
        node.put("type", task.type());
        return node;
    }

    private static void putRunId(ObjectNode node, Object runId) {
        if (runId instanceof Number number) {
            node.put("runId", number.longValue());
        } else if (runId == null) {
            node.putNull("runId");
        } else {
            node.put("runId", runId.toString());
        }
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private void write(ObjectNode node) {
        try {
            // One line per object; the writer may be shared by parallel runs.
            String line = JSON.writeValueAsString(node);
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
