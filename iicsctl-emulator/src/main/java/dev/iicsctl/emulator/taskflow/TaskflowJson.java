package dev.iicsctl.emulator.taskflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.emulator.http.Json;
import dev.iicsctl.emulator.time.WireTime;
import java.time.Duration;
import java.time.Instant;

/** Writes taskflow runs as the status resource shows them (spec section 8.2). */
final class TaskflowJson {
    private static final String RUNTIME_ENV = "01000025000000000004";
    private static final String RUNTIME_ENV_NAME = "Emulated Secure Agent";

    private TaskflowJson() {}

    static ObjectNode status(TaskflowSnapshot s, Instant now) {
        EmulatedTaskflowRun run = s.run();
        ObjectNode o = Json.object();
        o.put("assetName", run.instanceName());
        o.put("assetType", "TASKFLOW");
        o.put("duration", seconds(run.startedAt(), s.end() != null ? s.end() : s.status() == TaskflowStatus.SUSPENDED ? s.updated() : now));
        o.put("startTime", WireTime.utcSeconds(run.startedAt()));
        o.put("endTime", WireTime.utcSeconds(s.end()));
        o.put("updateTime", WireTime.utcSeconds(s.updated()));
        o.put("errorMessage", s.errorMessage());
        o.put("location", run.flow().location());
        o.put("runId", new java.math.BigInteger(run.runId()));
        o.put("runtimeEnv", RUNTIME_ENV);
        o.put("runtimeEnvName", RUNTIME_ENV_NAME);
        o.put("startedBy", run.startedBy());
        o.put("status", s.status().name());
        o.put("statusCode", s.status() == TaskflowStatus.SUCCESS ? 0 : s.status() == TaskflowStatus.RUNNING ? 1 : 2);
        o.put("subtasks", s.subtasks().size());
        ArrayNode tasks = o.putObject("subtaskDetails").putObject("details").putArray("tasks");
        int n = 0;
        for (SubtaskSnapshot sub : s.subtasks()) {
            ObjectNode t = tasks.addObject();
            t.put("assetName", sub.task().name());
            t.put("assetType", sub.task().type().name());
            t.put("runId", ++n);
            t.put("duration", seconds(sub.start(), sub.end() != null ? sub.end() : now));
            t.put("startTime", WireTime.utcSeconds(sub.start()));
            t.put("endTime", WireTime.utcSeconds(sub.end()));
            t.put("updateTime", WireTime.utcSeconds(sub.end() != null ? sub.end() : sub.start()));
            t.put("status", sub.status().name());
            t.put("errorMessage", sub.errorMessage());
            t.put("erroredRows", sub.rows().failedTarget());
            t.put("rowsProcessed", sub.rows().successTarget());
            t.put("location", sub.task().location());
            t.put("runtimeEnv", RUNTIME_ENV);
            t.put("runtimeEnvName", RUNTIME_ENV_NAME);
            t.put("startedBy", run.startedBy());
            t.put("subtasks", 0);
        }
        return o;
    }

    private static String seconds(Instant from, Instant to) {
        return Long.toString(Math.max(0, Duration.between(from, to).toSeconds()));
    }
}
