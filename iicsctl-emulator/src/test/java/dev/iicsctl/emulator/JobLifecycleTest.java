package dev.iicsctl.emulator;

import static dev.iicsctl.emulator.TestCatalogs.ORDERS_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.emulator.time.MovableClock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JobLifecycleTest extends ClockedEmulatorTest {
    static final String RETURNS_ID = "0100000Z00000000002R";
    static final String POST_ID = "0100000Z00000000003P";

    private JsonNode logOf(String taskId, long runId) {
        return api.log("taskId=" + taskId + "&runId=" + runId);
    }

    @Test
    void awaitRunWaitsOnTheEnginesStateAndNamesWhatItSawWhenItGivesUp() {
        api.start(ORDERS_ID, "MTT");
        assertThat(emu.awaitRun("Sales/Load Orders", Duration.ofSeconds(5)).state()).isEqualTo("QUEUED");
        clock.advance(Duration.ofSeconds(5));
        assertThat(emu.awaitRun("Sales/Load Orders", Duration.ofSeconds(5), "RUNNING", "SUCCEEDED").state())
                .isEqualTo("RUNNING");
        assertThatThrownBy(() -> emu.awaitRun("Sales/Load Orders", Duration.ofMillis(50), "FAILED"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[FAILED]")
                .hasMessageContaining("[RUNNING]");
        assertThatThrownBy(() -> emu.awaitRun("Sales/Nothing", Duration.ofMillis(50)))
                .hasMessageContaining("no run of Sales/Nothing in any state");
    }

    @Test
    void runsOfNamesTheRunsOfOnePathInStartOrder() {
        long first = api.start(ORDERS_ID, "MTT");
        clock.advance(Duration.ofMinutes(5));
        long second = api.start(ORDERS_ID, "MTT");
        assertThat(emu.runsOf("Sales/Load Orders")).extracting(EmulatedRun::jobRunId).containsExactly(first, second);
        assertThat(emu.runsOf("Sales/Load Orders")).allSatisfy(r -> assertThat(r.taskPath()).isEqualTo("Sales/Load Orders"));
        assertThat(emu.runsOf("Sales/Nothing")).isEmpty();
        assertThat(emu.runs()).hasSize(2);
    }

    @Test
    void runIsInNeitherMonitorNorLogDuringTheVisibilityWindow() {
        long runId = api.start(ORDERS_ID, "MTT");
        clock.advanceMillis(499);
        assertThat(api.monitor()).isEmpty();
        assertThat(logOf(ORDERS_ID, runId)).isEmpty();
        assertThat(emu.runs()).singleElement().extracting(EmulatedRun::state).isEqualTo("QUEUED");
        clock.advanceMillis(1);
        assertThat(api.monitor()).hasSize(1);
    }

    @Test
    void goesQueuedInitializedRunningWithGrowingRowsThenLeavesTheMonitor() {
        long runId = api.start(ORDERS_ID, "MTT");
        clock.advanceMillis(600);
        JsonNode queued = api.monitor().get(0);
        assertThat(queued.get("executionState").asText()).isEqualTo("QUEUED");
        assertThat(queued.get("@type").asText()).isEqualTo("activityMonitorEntry");
        assertThat(queued.get("taskId").asText()).isEqualTo(ORDERS_ID);
        assertThat(queued.get("runId").asLong()).isEqualTo(runId);
        assertThat(queued.get("successSourceRows").asLong()).isZero();
        clock.advanceMillis(600);
        assertThat(api.monitor().get(0).get("executionState").asText()).isEqualTo("INITIALIZED");
        clock.advanceMillis(2000);
        JsonNode early = api.monitor().get(0);
        assertThat(early.get("executionState").asText()).isEqualTo("RUNNING");
        clock.advanceMillis(4000);
        JsonNode later = api.monitor().get(0);
        assertThat(later.get("successTargetRows").asLong()).isGreaterThan(early.get("successTargetRows").asLong()).isLessThan(1000);
        assertThat(logOf(ORDERS_ID, runId)).isEmpty();
        clock.advanceMillis(4000);
        assertThat(api.monitor()).isEmpty();
        JsonNode log = logOf(ORDERS_ID, runId);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("state").asInt()).isEqualTo(1);
        assertThat(log.get(0).get("successTargetRows").asLong()).isEqualTo(1000);
        assertThat(log.get(0).get("isStopped").asBoolean()).isFalse();
        assertThat(emu.runs()).singleElement().extracting(EmulatedRun::state).isEqualTo("SUCCEEDED");
    }

    @Test
    void logEntryHasEasternStartTimeWithZAndTrueUtc() {
        long runId = api.start(ORDERS_ID, "MTT");
        clock.advanceMillis(11_000);
        JsonNode e = logOf(ORDERS_ID, runId).get(0);
        Instant startUtc = Instant.parse(e.get("startTimeUtc").asText());
        Instant endUtc = Instant.parse(e.get("endTimeUtc").asText());
        assertThat(startUtc).isEqualTo(Instant.parse("2026-07-01T12:00:00Z"));
        assertThat(endUtc).isEqualTo(Instant.parse("2026-07-01T12:00:10.500Z"));
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
        assertThat(e.get("startTime").asText()).isEqualTo(f.format(startUtc.atZone(ZoneId.of("America/New_York"))))
                .isEqualTo("2026-07-01T08:00:00.000Z");
        assertThat(e.get("endTime").asText()).isEqualTo(f.format(endUtc.atZone(ZoneId.of("America/New_York"))));
    }

    @Test
    void easternTimeFollowsDaylightSavingTime() {
        MovableClock winter = MovableClock.stopped(Instant.parse("2026-01-15T12:00:00Z"));
        try (Emulator w = TestCatalogs.start(winter)) {
            Api a = Api.loggedIn(w);
            long runId = a.start(ORDERS_ID, "MTT");
            winter.advanceMillis(11_000);
            JsonNode e = a.log("taskId=" + ORDERS_ID + "&runId=" + runId).get(0);
            assertThat(LocalDateTime.parse(e.get("startTime").asText().replace("Z", ""))).isEqualTo("2026-01-15T07:00:00");
        }
    }

    @Test
    void logEntryCarriesTheDocumentedFieldsWithTheChildOnlyOnesOnTheChild() {
        long runId = api.start(ORDERS_ID, "MTT");
        clock.advanceMillis(11_000);
        JsonNode e = logOf(ORDERS_ID, runId).get(0);
        for (String field : new String[] {"@type", "id", "type", "objectId", "objectName", "runId", "agentId",
                "runtimeEnvironmentId", "startTime", "endTime", "startTimeUtc", "endTimeUtc", "state", "failedSourceRows",
                "successSourceRows", "failedTargetRows", "successTargetRows", "errorMsg", "startedBy", "runContextType",
                "entries", "stopOnError", "hasStopOnErrorRecord", "isStopped"}) {
            assertThat(e.has(field)).as(field).isTrue();
        }
        // As in the vendor's example, these are fields of child entries only.
        for (String childOnly : new String[] {"totalSuccessRows", "logEntryItemAttrs", "transformationEntries",
                "subTaskEntries", "contextExternalId"}) {
            assertThat(e.has(childOnly)).as(childOnly).isFalse();
            assertThat(e.get("entries").get(0).has(childOnly)).as("child " + childOnly).isTrue();
        }
        assertThat(e.get("@type").asText()).isEqualTo("activityLogEntry");
        assertThat(e.get("objectId").asText()).isEqualTo(ORDERS_ID);
        assertThat(e.get("objectName").asText()).isEqualTo("Load Orders");
        assertThat(e.get("startedBy").asText()).isEqualTo("demo@example.com");
        assertThat(e.get("entries")).hasSize(1);
        JsonNode child = e.get("entries").get(0);
        assertThat(child.get("runId").asLong()).isEqualTo(runId);
        assertThat(child.get("transformationEntries")).hasSize(2);
        assertThat(child.get("contextExternalId").asText()).isEqualTo(ORDERS_ID);
        JsonNode attrs = child.get("logEntryItemAttrs");
        assertThat(attrs.get("REQUESTED_COMPUTE_UNITS").asText()).isEqualTo("1.0");
        assertThat(attrs.get("CONSUMED_COMPUTE_UNITS").asText()).isEqualTo("0.01");
        assertThat(attrs.get("Session Log File Name").asText()).endsWith("_" + runId + ".log");
    }

    @Test
    void aRunThatCannotStartIsLoggedWithState4() {
        try (Emulator e = Emulator.builder().catalogYaml("""
                tasks:
                  - {path: Ops/No Agent, type: MTT, id: 0100000Z0000000000NA, run: {duration: 1s, outcome: not-started}}
                """).clock(clock).build().start()) {
            Api a = Api.loggedIn(e);
            a.start("0100000Z0000000000NA", "MTT");
            clock.advanceMillis(2000);
            JsonNode entry = a.log("").get(0);
            assertThat(entry.get("state").asInt()).isEqualTo(4);
            assertThat(entry.get("errorMsg").asText()).contains("could not start");
            assertThat(entry.get("successTargetRows").asLong()).isZero();
            assertThat(e.runs()).extracting(EmulatedRun::state).containsExactly("NOT_STARTED");
        }
    }

    @Test
    void warningAndFailedRunsGetStates2And3WithTheirMessages() {
        api.start(RETURNS_ID, "MTT");
        api.start(POST_ID, "DSS");
        clock.advanceMillis(3000);
        JsonNode warn = logOf(RETURNS_ID, 1).get(0);
        assertThat(warn.get("state").asInt()).isEqualTo(2);
        assertThat(warn.get("errorMsg").asText()).isEqualTo("10 rows rejected");
        assertThat(warn.get("failedTargetRows").asLong()).isEqualTo(10);
        JsonNode failed = logOf(POST_ID, 1).get(0);
        assertThat(failed.get("state").asInt()).isEqualTo(3);
        assertThat(failed.get("errorMsg").asText()).isEqualTo("Connection refused");
        assertThat(emu.runs()).extracting(EmulatedRun::state).containsExactly("WARNING", "FAILED");
    }

    @Test
    void scriptedRunsApplyInOrderThenTheDefault() {
        String id = "0100000Z00000000004S";
        api.start(id, "DRS");
        clock.advanceMillis(2000);
        api.start(id, "DRS");
        clock.advanceMillis(2000);
        assertThat(logOf(id, 1).get(0).get("errorMsg").asText()).isEqualTo("first run fails");
        assertThat(logOf(id, 2).get(0).get("state").asInt()).isEqualTo(1);
    }

    @Test
    void linearTaskflowRunsChildrenOneAfterTheOther() {
        String id = "0100000F00000000007W";
        api.start(id, "WORKFLOW");
        clock.advanceMillis(500 + 1500);
        JsonNode m = api.v2Get("/api/v2/activity/activityMonitor?details=true").json().get(0);
        assertThat(m.get("type").asText()).isEqualTo("WORKFLOW");
        assertThat(m.get("entries")).hasSize(2);
        assertThat(m.get("entries").get(1).get("taskName").asText()).isEqualTo("Load Returns");
        assertThat(api.monitor().get(0).get("entries")).isEmpty();
        clock.advanceMillis(3000);
        JsonNode e = logOf(id, 1).get(0);
        assertThat(e.get("state").asInt()).isEqualTo(2);
        assertThat(e.get("entries")).extracting(c -> c.get("objectName").asText())
                .containsExactly("Mask", "Load Returns", "Ledger");
        JsonNode first = e.get("entries").get(0);
        JsonNode second = e.get("entries").get(1);
        assertThat(Instant.parse(second.get("startTimeUtc").asText())).isEqualTo(Instant.parse(first.get("endTimeUtc").asText()));
        assertThat(e.get("successTargetRows").asLong()).isEqualTo(1000 + 90 + 1000);
    }

    @Test
    void linearTaskflowStopsAtTheFirstFailingChild() {
        api.start("0100000F00000000008B", "WORKFLOW");
        clock.advanceMillis(10_000);
        JsonNode e = logOf("0100000F00000000008B", 1).get(0);
        assertThat(e.get("state").asInt()).isEqualTo(3);
        assertThat(e.get("entries")).hasSize(2);
        assertThat(e.get("errorMsg").asText()).isEqualTo("Connection refused");
    }

    @Test
    void startWhileRunningSucceedsButTheLaterRunFails() {
        assertThat(api.start(ORDERS_ID, "MTT")).isEqualTo(1);
        clock.advanceMillis(2000);
        assertThat(api.start(ORDERS_ID, "MTT")).isEqualTo(2);
        clock.advanceMillis(500);
        JsonNode second = logOf(ORDERS_ID, 2);
        assertThat(second).hasSize(1);
        assertThat(second.get(0).get("state").asInt()).isEqualTo(3);
        assertThat(second.get(0).get("errorMsg").asText()).contains("another instance of the task is currently running");
        assertThat(api.monitor()).singleElement().satisfies(m -> assertThat(m.get("runId").asLong()).isEqualTo(1));
    }

    @Test
    void startDuringTheVisibilityWindowAlsoCountsAsRunning() {
        api.start(ORDERS_ID, "MTT");
        api.start(ORDERS_ID, "MTT");
        clock.advanceMillis(500);
        assertThat(logOf(ORDERS_ID, 2).get(0).get("state").asInt()).isEqualTo(3);
    }

    @Test
    void stopShowsStoppingThenAStoppedEntry() {
        api.start(ORDERS_ID, "MTT");
        clock.advanceMillis(5000);
        Api.Reply r = api.v2Post("/api/v2/job/stop?cleanStop=true", "{\"@type\":\"job\",\"taskId\":\"" + ORDERS_ID + "\",\"taskType\":\"MTT\"}");
        assertThat(r.status()).isEqualTo(200);
        clock.advanceMillis(100);
        assertThat(api.monitor().get(0).get("executionState").asText()).isEqualTo("STOPPING");
        assertThat(emu.runs().get(0).state()).isEqualTo("STOPPING");
        clock.advanceMillis(300);
        assertThat(api.monitor()).isEmpty();
        JsonNode e = logOf(ORDERS_ID, 1).get(0);
        assertThat(e.get("state").asInt()).isEqualTo(3);
        assertThat(e.get("isStopped").asBoolean()).isTrue();
        assertThat(e.get("errorMsg").asText()).isEqualTo("The task was stopped by user demo@example.com.");
        // 4.5 s of 10 s worked, the first second warming up: (4.5 - 1) / 9 of 1000 rows.
        assertThat(e.get("successTargetRows").asLong()).isEqualTo(388);
        assertThat(emu.runs().get(0).state()).isEqualTo("STOPPED");
    }

    @Test
    void stopByNameWithoutCleanStop() {
        api.start("0100000Z00000000005M", "DMASK");
        Api.Reply r = api.v2Post("/api/v2/job/stop", "{\"taskName\":\"Mask\",\"taskType\":\"DMASK\"}");
        assertThat(r.status()).isEqualTo(200);
        clock.advanceMillis(1000);
        assertThat(logOf("0100000Z00000000005M", 1).get(0).get("isStopped").asBoolean()).isTrue();
    }

    @Test
    void stopWithNothingRunningIs400() {
        Api.Reply r = api.v2Post("/api/v2/job/stop", "{\"taskId\":\"" + ORDERS_ID + "\",\"taskType\":\"MTT\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("EMU_NO_RUNNING_JOB");
        api.start("0100000Z00000000005M", "DMASK");
        clock.advanceMillis(5000);
        assertThat(api.v2Post("/api/v2/job/stop", "{\"taskId\":\"0100000Z00000000005M\",\"taskType\":\"DMASK\"}").status()).isEqualTo(400);
    }

    @Test
    void stopOfAnUnknownTaskIs404() {
        Api.Reply r = api.v2Post("/api/v2/job/stop", "{\"taskId\":\"nope\",\"taskType\":\"MTT\"}");
        assertThat(r.status()).isEqualTo(404);
    }

    @Test
    void monitorShowsTheStartersAndCallback() {
        api.v2Post("/api/v2/job", "{\"taskId\":\"" + ORDERS_ID + "\",\"taskType\":\"MTT\",\"callbackURL\":\"https://cb.example.com\"}");
        clock.advanceMillis(2000);
        JsonNode m = api.monitor().get(0);
        assertThat(m.get("startedBy").asText()).isEqualTo("demo@example.com");
        assertThat(m.get("callbackURL").asText()).isEqualTo("https://cb.example.com");
        assertThat(m.get("startTime").asText()).isEqualTo("2026-07-01T08:00:00.000Z");
    }

    @Test
    void monitorAnswersXmlWhenAsked() {
        api.start(ORDERS_ID, "MTT");
        clock.advanceMillis(2000);
        Api.Reply r = api.v2Get("/api/v2/activity/activityMonitor", "Accept", "application/xml");
        assertThat(r.body()).contains("<activityMonitorEntries><activityMonitorEntry>").contains("<executionState>RUNNING</executionState>");
    }

    @Test
    void resetForgetsRunsAndRunIdsStartAgainAtOne() {
        api.start(ORDERS_ID, "MTT");
        emu.reset();
        api = Api.loggedIn(emu);
        assertThat(emu.runs()).isEmpty();
        assertThat(api.start(ORDERS_ID, "MTT")).isEqualTo(1);
    }

    @Test
    void aRefusedRunDoesNotBlockTheNextStart() {
        api.start("0100000Z00000000005M", "DMASK");
        clock.advanceMillis(1000);
        api.start("0100000Z00000000005M", "DMASK");
        clock.advanceMillis(700);
        assertThat(api.start("0100000Z00000000005M", "DMASK")).isEqualTo(3);
        clock.advanceMillis(2000);
        JsonNode log = api.log("taskId=0100000Z00000000005M");
        assertThat(log).extracting(e -> e.get("runId").asInt()).containsExactly(3, 2, 1);
        assertThat(log).extracting(e -> e.get("state").asInt()).containsExactly(1, 3, 1);
    }

    @Test
    void stoppingALinearTaskflowStopsTheCurrentChildAndSkipsTheRest() {
        String id = "0100000F00000000007W";
        api.start(id, "WORKFLOW");
        clock.advanceMillis(500 + 1500);
        assertThat(api.v2Post("/api/v2/job/stop", "{\"taskId\":\"" + id + "\",\"taskType\":\"WORKFLOW\"}").status()).isEqualTo(200);
        clock.advanceMillis(1000);
        JsonNode e = logOf(id, 1).get(0);
        assertThat(e.get("isStopped").asBoolean()).isTrue();
        assertThat(e.get("entries")).extracting(c -> c.get("state").asInt()).containsExactly(1, 3);
        assertThat(e.get("entries").get(1).get("errorMsg").asText()).contains("stopped by user");
    }
}
