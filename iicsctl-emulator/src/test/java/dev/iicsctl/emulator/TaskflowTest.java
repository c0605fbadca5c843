package dev.iicsctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TaskflowTest extends ClockedEmulatorTest {

    private String run(String apiName) {
        Api.Reply r = api.podSend("POST", "/active-bpel/rt/" + apiName, "{\"inputs\":{}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("RunId").asText();
    }

    private JsonNode status(String runId) {
        return api.podGet("/active-bpel/services/tf/status/" + runId).json();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void runAnswersAStringRunIdOf19Digits() {
        Api.Reply r = api.podSend("POST", "/active-bpel/rt/Good", "{}");
        assertThat(r.json().get("RunId").isTextual()).isTrue();
        assertThat(r.json().get("RunId").asText()).matches("\\d{19,20}");
    }

    @Test
    void runWithGetAndBasicAuth() {
        Api.Reply r = api.get(emu.podUrl() + "/active-bpel/rt/Good?customer=42", "Authorization", basic("ops@example.com", "ops-secret-pw"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(status(r.json().get("RunId").asText()).get("startedBy").asText()).isEqualTo("ops@example.com");
    }

    @Test
    void runWithIcSessionIdHeader() {
        Api.Reply r = api.post(emu.podUrl() + "/active-bpel/rt/Good", "{}", "icSessionId", api.session);
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void runWithoutOrWithBadCredentialsIs401() {
        assertThat(api.post(emu.podUrl() + "/active-bpel/rt/Good", "{}").status()).isEqualTo(401);
        Api.Reply bad = api.post(emu.podUrl() + "/active-bpel/rt/Good", "{}", "Authorization", basic("demo@example.com", "wrong"));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().get("error").get("message").asText()).contains("not valid");
        assertThat(emu.runs()).isEmpty();
    }

    @Test
    void unpublishedTaskflowIsRefused() {
        Api.Reply r = api.podSend("POST", "/active-bpel/rt/Draft", "{}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").get("code").asText()).isEqualTo("EMU_TASKFLOW_NOT_PUBLISHED");
        assertThat(r.json().get("error").get("message").asText()).contains("not published");
    }

    @Test
    void unknownApiNameIs404() {
        assertThat(api.podSend("POST", "/active-bpel/rt/Nothing", "{}").status()).isEqualTo(404);
    }

    @Test
    void taskflowRoutesAreNotUnderSaas() {
        assertThat(api.podSend("POST", "/saas/active-bpel/rt/Good", "{}").status()).isEqualTo(404);
    }

    @Test
    void successfulRunGoesRunningThenSuccessWithSubtaskDetails() {
        String runId = run("Good");
        clock.advanceMillis(1000);
        JsonNode running = status(runId);
        assertThat(running.get("status").asText()).isEqualTo("RUNNING");
        assertThat(running.get("assetName").asText()).isEqualTo("Good");
        assertThat(running.get("assetType").asText()).isEqualTo("TASKFLOW");
        assertThat(running.get("location").asText()).isEqualTo("Flows");
        assertThat(running.get("runId").asText()).isEqualTo(runId);
        assertThat(running.get("endTime").isNull()).isTrue();
        assertThat(running.get("subtaskDetails").get("details").get("tasks")).hasSize(1);
        clock.advanceMillis(3000);
        JsonNode done = status(runId);
        assertThat(done.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(done.get("startTime").asText()).isEqualTo("2026-07-01T12:00:00Z");
        assertThat(done.get("endTime").asText()).isEqualTo("2026-07-01T12:00:04Z");
        assertThat(done.get("duration").asText()).isEqualTo("4");
        JsonNode tasks = done.get("subtaskDetails").get("details").get("tasks");
        assertThat(tasks).extracting(t -> t.get("assetName").asText()).containsExactly("Mask", "Ledger");
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.get("status").asText()).isEqualTo("SUCCESS");
            assertThat(t.get("rowsProcessed").asLong()).isEqualTo(1000);
            assertThat(t.get("erroredRows").asLong()).isZero();
        });
        assertThat(tasks.get(1).get("assetType").asText()).isEqualTo("PCS");
        assertThat(done.get("subtasks").asInt()).isEqualTo(2);
        assertThat(emu.runs()).singleElement().extracting(EmulatedRun::state).isEqualTo("SUCCEEDED");
    }

    @Test
    void failedRunReportsTheFailingSubtask() {
        String runId = run("Bad");
        clock.advanceMillis(2000);
        JsonNode s = status(runId);
        assertThat(s.get("status").asText()).isEqualTo("FAILED");
        assertThat(s.get("errorMessage").asText()).isEqualTo("step failed");
        JsonNode last = s.get("subtaskDetails").get("details").get("tasks").get(1);
        assertThat(last.get("status").asText()).isEqualTo("FAILED");
        assertThat(last.get("errorMessage").asText()).isEqualTo("step failed");
        assertThat(emu.runs().get(0).state()).isEqualTo("FAILED");
    }

    @Test
    void suspendedRunResumesWithFaultRetryAndSucceeds() {
        String runId = run("Stuck");
        clock.advanceMillis(4000);
        JsonNode suspended = status(runId);
        assertThat(suspended.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(suspended.get("errorMessage").asText()).isEqualTo("Ledger faulted");
        assertThat(emu.runs().get(0).state()).isEqualTo("SUSPENDED");
        clock.advanceMillis(60_000);
        assertThat(status(runId).get("status").asText()).as("stays suspended").isEqualTo("SUSPENDED");
        Api.Reply resume = api.podSend("PUT", "/active-bpel/management/runtime/v1/resumeWithFaultRetry/" + runId, null);
        assertThat(resume.status()).isEqualTo(200);
        clock.advanceMillis(1000);
        JsonNode retrying = status(runId);
        assertThat(retrying.get("status").asText()).isEqualTo("RUNNING");
        assertThat(retrying.get("subtaskDetails").get("details").get("tasks").get(1).get("status").asText()).isEqualTo("RUNNING");
        clock.advanceMillis(1000);
        JsonNode done = status(runId);
        assertThat(done.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(done.get("errorMessage").isNull()).isTrue();
    }

    @Test
    void suspendedRunResumesWithFaultSkip() {
        String runId = run("Stuck");
        clock.advanceMillis(4000);
        assertThat(api.podSend("PUT", "/active-bpel/management/runtime/v1/resumeWithFaultSkip/" + runId, null).status()).isEqualTo(200);
        JsonNode done = status(runId);
        assertThat(done.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(done.get("subtaskDetails").get("details").get("tasks").get(1).get("status").asText()).isEqualTo("SKIPPED");
    }

    @Test
    void resumeOfARunThatIsNotSuspendedIs400() {
        String runId = run("Good");
        Api.Reply r = api.podSend("PUT", "/active-bpel/management/runtime/v1/resumeWithFaultRetry/" + runId, null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").get("code").asText()).isEqualTo("EMU_BAD_RUN_STATE");
        assertThat(api.podSend("PUT", "/active-bpel/management/runtime/v1/resumeWithFaultSkip/123", null).status()).isEqualTo(404);
    }

    @Test
    void terminateEndsRunningAndSuspendedRuns() {
        String running = run("Good");
        String stuck = run("Stuck");
        clock.advanceMillis(4000);
        assertThat(status(running).get("status").asText()).isEqualTo("SUCCESS");
        String second = run("Good");
        clock.advanceMillis(500);
        Api.Reply r = api.podSend("PUT", "/active-bpel/services/tf/terminate", "{\"runid\":[\"" + second + "\",\"" + stuck + "\"]}");
        assertThat(r.status()).isEqualTo(200);
        for (String id : new String[] {second, stuck}) {
            JsonNode s = status(id);
            assertThat(s.get("status").asText()).isEqualTo("FAILED");
            assertThat(s.get("errorMessage").asText()).contains("terminated by user demo@example.com");
        }
    }

    @Test
    void terminateOfAnEndedOrUnknownRunIsRefused() {
        String done = run("Bad");
        clock.advanceMillis(3000);
        assertThat(api.podSend("PUT", "/active-bpel/services/tf/terminate", "{\"runid\":[\"" + done + "\"]}").status()).isEqualTo(400);
        assertThat(api.podSend("PUT", "/active-bpel/services/tf/terminate", "{\"runid\":[\"1\"]}").status()).isEqualTo(404);
        assertThat(api.podSend("PUT", "/active-bpel/services/tf/terminate", "{}").status()).isEqualTo(400);
    }

    @Test
    void statusQueryAnswersAnArrayNewestFirst() {
        String first = run("Good");
        clock.advanceMillis(10);
        String second = run("Bad");
        JsonNode one = api.podGet("/active-bpel/services/tf/status?runId=" + first + "&rowLimit=50").json();
        assertThat(one.isArray()).isTrue();
        assertThat(one).singleElement().satisfies(s -> assertThat(s.get("runId").asText()).isEqualTo(first));
        JsonNode all = api.podGet("/active-bpel/services/tf/status").json();
        assertThat(all).extracting(s -> s.get("runId").asText()).containsExactly(second, first);
        clock.advanceMillis(3000);
        assertThat(api.podGet("/active-bpel/services/tf/status?runStatus=Failed").json()).hasSize(1);
        assertThat(api.podGet("/active-bpel/services/tf/status?rowLimit=1").json()).hasSize(1);
    }

    @Test
    void statusOfAnUnknownRunIs404AndNeedsAuth() {
        assertThat(api.podGet("/active-bpel/services/tf/status/42").status()).isEqualTo(404);
        String runId = run("Good");
        assertThat(api.get(emu.podUrl() + "/active-bpel/services/tf/status/" + runId).status()).isEqualTo(401);
    }

    @Test
    void endedSubtasksShowInTheV2ActivityLogWithTheirParent() {
        String runId = run("Stuck");
        clock.advanceMillis(2500);
        JsonNode log = api.log("");
        assertThat(log).singleElement().satisfies(e -> {
            assertThat(e.get("objectName").asText()).isEqualTo("Mask");
            assertThat(e.get("state").asInt()).isEqualTo(1);
            assertThat(e.get("runId").asLong()).isZero();
            assertThat(e.get("parentTaskFederatedId").asText()).isEqualTo(emu.catalog().taskflowByApiName("Stuck").orElseThrow().federatedId());
        });
        clock.advanceMillis(2000);
        assertThat(api.log("taskId=0100000Z00000000006L")).singleElement().satisfies(e -> {
            assertThat(e.get("state").asInt()).isEqualTo(3);
            assertThat(e.get("errorMsg").asText()).isEqualTo("Ledger faulted");
        });
        api.podSend("PUT", "/active-bpel/management/runtime/v1/resumeWithFaultRetry/" + runId, null);
        clock.advanceMillis(2000);
        assertThat(api.log("taskId=0100000Z00000000006L")).extracting(e -> e.get("state").asInt()).containsExactly(1, 3);
        assertThat(api.log("")).hasSize(3);
        assertThat(emu.runs()).as("subtasks are not runs of their own").hasSize(1);
        assertThat(api.start("0100000Z00000000006L", "PCS")).as("subtasks take no run id").isEqualTo(1);
    }

    @Test
    void aStepThatRanATaskWithWarningsEndsWarningAndIsLoggedAsAWarning() {
        String runId = run("Mixed");
        clock.advanceMillis(2500);
        JsonNode s = status(runId);
        assertThat(s.get("status").asText()).isEqualTo("SUCCESS");
        JsonNode returns = s.get("subtaskDetails").get("details").get("tasks").get(1);
        assertThat(returns.get("assetName").asText()).isEqualTo("Load Returns");
        assertThat(returns.get("status").asText()).isEqualTo("WARNING");
        assertThat(returns.get("errorMessage").asText()).isEqualTo("10 rows rejected");
        assertThat(s.get("subtaskDetails").get("details").get("tasks").get(0).get("status").asText()).isEqualTo("SUCCESS");
        assertThat(returns.get("rowsProcessed").asLong()).isEqualTo(90);
        assertThat(returns.get("erroredRows").asLong()).isEqualTo(10);
        assertThat(api.log("taskId=0100000Z00000000002R")).singleElement().satisfies(e -> {
            assertThat(e.get("state").asInt()).isEqualTo(2);
            assertThat(e.get("failedTargetRows").asLong()).isEqualTo(10);
            assertThat(e.get("parentTaskFederatedId").asText()).isNotBlank();
        });
        assertThat(api.log("taskId=0100000Z00000000005M")).singleElement()
                .satisfies(e -> assertThat(e.get("state").asInt()).isEqualTo(1));
    }
}
