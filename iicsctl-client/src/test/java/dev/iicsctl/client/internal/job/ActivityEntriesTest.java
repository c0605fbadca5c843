package dev.iicsctl.client.internal.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.client.internal.http.WireJson;
import dev.iicsctl.client.job.Rows;
import dev.iicsctl.client.job.RunResult;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.monitor.ActiveRun;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActivityEntriesTest {

    private static final TaskRef TASK = new TaskRef(null, "4JzMQBmn5YWbX1CCECivWK", "Load Orders", "Sales/Load Orders",
            TaskType.MTT);

    private static JsonNode json(String text) throws Exception {
        return WireJson.MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void vendorExampleEntryIsReadFully() throws Exception {
        JsonNode entry = json("{'@type':'activityLogEntry','id':'010000C1000000000PGP','type':'MTT',"
                + "'objectId':'0100000Z00000000001N','objectName':'Load Orders','runId':12,"
                + "'startTime':'2020-03-27T08:05:56.000Z','endTime':'2020-03-27T08:06:07.000Z',"
                + "'startTimeUtc':'2020-03-27T12:05:56.000Z','endTimeUtc':'2020-03-27T12:06:07.000Z','state':2,"
                + "'failedSourceRows':0,'successSourceRows':800,'failedTargetRows':200,'successTargetRows':600,"
                + "'unknownField':{'x':1},"
                + "'entries':[{'@type':'activityLogEntry','id':'118964723','type':'MTT_TEST','objectName':'','runId':12,"
                + "'startTimeUtc':'2020-03-27T12:05:56.000Z','endTimeUtc':'2020-03-27T12:06:07.000Z','state':2,"
                + "'successTargetRows':600,'errorMsg':null}]}");
        RunResult r = ActivityEntries.finished(TASK, entry);
        assertThat(r.runId()).isEqualTo(12);
        assertThat(r.state()).isEqualTo(RunState.WARNING);
        assertThat(r.startTime()).isEqualTo(Instant.parse("2020-03-27T12:05:56Z"));
        assertThat(r.endTime()).isEqualTo(Instant.parse("2020-03-27T12:06:07Z"));
        assertThat(r.duration()).isEqualTo(Duration.ofSeconds(11));
        assertThat(r.rows()).isEqualTo(new Rows(800, 0, 600, 200));
        assertThat(r.logEntryId()).isEqualTo("010000C1000000000PGP");
        assertThat(r.children()).singleElement().satisfies(c -> {
            assertThat(c.logEntryId()).isEqualTo("118964723");
            assertThat(c.task().type()).isEqualTo(TaskType.MTT);
        });
    }

    @Test
    void finalStatesFollowStateIsStoppedAndTheMessage() throws Exception {
        assertThat(ActivityEntries.finalState(json("{'state':1}"))).isEqualTo(RunState.SUCCEEDED);
        assertThat(ActivityEntries.finalState(json("{'state':'1'}"))).isEqualTo(RunState.SUCCEEDED);
        assertThat(ActivityEntries.finalState(json("{'state':2}"))).isEqualTo(RunState.WARNING);
        assertThat(ActivityEntries.finalState(json("{'state':3}"))).isEqualTo(RunState.FAILED);
        assertThat(ActivityEntries.finalState(json("{'state':3,'isStopped':true}"))).isEqualTo(RunState.STOPPED);
        assertThat(ActivityEntries.finalState(json("{'state':3,'errorMsg':'Task Load Orders was Stopped by user demo'}")))
                .isEqualTo(RunState.STOPPED);
        // Codes nobody documented are never taken for success.
        assertThat(ActivityEntries.finalState(json("{'state':0}"))).isEqualTo(RunState.FAILED);
        assertThat(ActivityEntries.finalState(json("{'state':4}"))).isEqualTo(RunState.FAILED);
        assertThat(ActivityEntries.finalState(json("{}"))).isEqualTo(RunState.FAILED);
    }

    @Test
    void monitorStatesAreNeverFinal() throws Exception {
        assertThat(ActivityEntries.monitorState("QUEUED")).isEqualTo(RunState.QUEUED);
        assertThat(ActivityEntries.monitorState("INITIALIZED")).isEqualTo(RunState.QUEUED);
        assertThat(ActivityEntries.monitorState("RUNNING")).isEqualTo(RunState.RUNNING);
        assertThat(ActivityEntries.monitorState("STOPPING")).isEqualTo(RunState.RUNNING);
        assertThat(ActivityEntries.monitorState("COMPLETED")).isEqualTo(RunState.RUNNING);
        assertThat(ActivityEntries.monitorState("FAILED")).isEqualTo(RunState.RUNNING);
        assertThat(ActivityEntries.isEnding("COMPLETED")).isTrue();
        assertThat(ActivityEntries.isEnding("running")).isFalse();
    }

    @Test
    void monitorEntryStartTimeIsEasternAndConverted() throws Exception {
        ActiveRun run = ActivityEntries.activeRun(json("{'id':'x','type':'MTT','taskId':'0100000Z00000000001N',"
                + "'taskName':'Load Orders','runId':'13','startTime':'2026-11-28T07:05:56.000Z',"
                + "'executionState':'RUNNING','successSourceRows':5}"));
        assertThat(run.runId()).isEqualTo(13);
        assertThat(run.startTime()).isEqualTo(Instant.parse("2026-11-28T12:05:56Z"));
        assertThat(run.rows().successSource()).isEqualTo(5);
        assertThat(run.task()).hasValueSatisfying(t -> assertThat(t.id()).isEqualTo("0100000Z00000000001N"));
    }
}
