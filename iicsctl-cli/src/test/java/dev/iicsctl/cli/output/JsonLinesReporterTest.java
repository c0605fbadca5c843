package dev.iicsctl.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iicsctl.client.job.Rows;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesReporterTest {
    private static final TaskInfo TASK = new TaskInfo("0100000Z00000000001N", "4JzMQBmn5YWbX1CCECivWK",
            "Load Orders", "Sales/Load Orders", "MTT");

    @Test
    void writesTheRunObjectOfTheContract() throws Exception {
        StringWriter out = new StringWriter();
        new JsonLinesReporter(new PrintWriter(out)).run(new RunReport(TASK, 13L, "SUCCEEDED",
                Instant.parse("2026-11-28T12:05:56.400Z"), Instant.parse("2026-11-28T12:06:07.900Z"),
                new Rows(800, 0, 600, 200), null, 0, null));
        assertThat(out.toString()).endsWith("\n").doesNotContain("\n{");
        JsonNode run = new ObjectMapper().readTree(out.toString());
        assertThat(run.fieldNames()).toIterable().containsExactly("task", "runId", "state", "startTime", "endTime",
                "durationSeconds", "rows", "errorMessage", "exitCode");
        assertThat(run.get("task").fieldNames()).toIterable()
                .containsExactly("id", "federatedId", "name", "path", "type");
        assertThat(run.get("runId").isIntegralNumber()).isTrue();
        assertThat(run.get("runId").asLong()).isEqualTo(13);
        assertThat(run.get("startTime").asText()).isEqualTo("2026-11-28T12:05:56Z");
        assertThat(run.get("endTime").asText()).isEqualTo("2026-11-28T12:06:07Z");
        assertThat(run.get("durationSeconds").isIntegralNumber()).isTrue();
        assertThat(run.get("durationSeconds").asLong()).isEqualTo(11);
        assertThat(run.get("rows").fieldNames()).toIterable()
                .containsExactly("successSource", "failedSource", "successTarget", "failedTarget");
        assertThat(run.get("rows").get("failedTarget").asLong()).isEqualTo(200);
        assertThat(run.get("errorMessage").isNull()).isTrue();
        assertThat(run.get("exitCode").asInt()).isZero();
    }

    @Test
    void taskflowRunsCarrySubtasksAndAStringRunId() throws Exception {
        StringWriter out = new StringWriter();
        RunReport child = new RunReport(TASK, 4L, "FAILED", null, null, Rows.NONE, "boom", 1, null);
        new JsonLinesReporter(new PrintWriter(out)).run(new RunReport(
                new TaskInfo(null, "fed", "Orchestrate", "Nightly/Orchestrate", "TASKFLOW"),
                "1256355937542115328", "SUSPENDED", Instant.EPOCH, null, Rows.NONE, "boom", 9, List.of(child)));
        JsonNode run = new ObjectMapper().readTree(out.toString());
        assertThat(run.get("runId").isTextual()).isTrue();
        assertThat(run.get("endTime").isNull()).isTrue();
        assertThat(run.get("durationSeconds").isNull()).isTrue();
        assertThat(run.get("subtasks")).hasSize(1);
        assertThat(run.get("subtasks").get(0).get("errorMessage").asText()).isEqualTo("boom");
    }
}
