package dev.iicsctl.emulator;

import static dev.iicsctl.emulator.TestCatalogs.ORDERS_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ControlApiTest extends ClockedEmulatorTest {
    private String control(String path) {
        return emu.loginUrl() + "/_emulator/" + path;
    }

    @Test
    void runsListsJobsAndTaskflowsInStartOrderWithTheContractFields() {
        api.start(ORDERS_ID, "MTT");
        clock.advanceMillis(10);
        String tfRunId = api.podSend("POST", "/active-bpel/rt/Good", "{}").json().get("RunId").asText();
        clock.advanceMillis(2000);
        JsonNode runs = api.get(control("runs")).json().get("runs");
        assertThat(runs).hasSize(2);
        JsonNode job = runs.get(0);
        assertThat(job.get("kind").asText()).isEqualTo("job");
        assertThat(job.get("taskPath").asText()).isEqualTo("Sales/Load Orders");
        assertThat(job.get("taskName").asText()).isEqualTo("Load Orders");
        assertThat(job.get("taskType").asText()).isEqualTo("MTT");
        assertThat(job.get("taskId").asText()).isEqualTo(ORDERS_ID);
        assertThat(job.get("federatedId").asText()).isEqualTo(TestCatalogs.ORDERS_FRS);
        assertThat(job.get("runId").isNumber()).isTrue();
        assertThat(job.get("state").asText()).isEqualTo("RUNNING");
        assertThat(job.get("startTimeUtc").asText()).isEqualTo("2026-07-01T12:00:00Z");
        assertThat(job.get("endTimeUtc").isNull()).isTrue();
        assertThat(job.get("rows").get("successSource").asLong()).isPositive();
        assertThat(job.get("errorMessage").isNull()).isTrue();
        assertThat(job.get("startedBy").asText()).isEqualTo("demo@example.com");
        JsonNode tf = runs.get(1);
        assertThat(tf.get("kind").asText()).isEqualTo("taskflow");
        assertThat(tf.get("runId").isTextual()).isTrue();
        assertThat(tf.get("runId").asText()).isEqualTo(tfRunId);
        assertThat(tf.get("taskType").asText()).isEqualTo("TASKFLOW");
    }

    @Test
    void requestsCountsByRouteTemplateWithoutControlCalls() {
        api.start(ORDERS_ID, "MTT");
        api.monitor();
        api.monitor();
        clock.advanceMillis(11_000);
        String entryId = api.log("").get(0).get("id").asText();
        api.v2Get("/api/v2/activity/activityLog/" + entryId);
        api.get(control("runs"));
        JsonNode req = api.get(control("requests")).json();
        JsonNode counts = req.get("counts");
        assertThat(counts.get("POST /ma/api/v2/user/login").asInt()).isEqualTo(1);
        assertThat(counts.get("POST /saas/api/v2/job").asInt()).isEqualTo(1);
        assertThat(counts.get("GET /saas/api/v2/activity/activityMonitor").asInt()).isEqualTo(2);
        assertThat(counts.get("GET /saas/api/v2/activity/activityLog/{id}").asInt()).isEqualTo(1);
        assertThat(counts.has("GET /_emulator/runs")).isFalse();
        assertThat(req.get("total").asInt()).isEqualTo(6);
        JsonNode last = req.get("recent").get(req.get("recent").size() - 1);
        assertThat(last.get("method").asText()).isEqualTo("GET");
        assertThat(last.get("path").asText()).isEqualTo("/saas/api/v2/activity/activityLog/" + entryId);
        assertThat(last.get("status").asInt()).isEqualTo(200);
        assertThat(last.get("time").asText()).endsWith("Z");
        assertThat(emu.requests().count("GET /saas/api/v2/activity/activityMonitor")).isEqualTo(2);
    }

    @Test
    void resetForgetsRunsSessionsCountsAndFaultsButKeepsTheCatalog() {
        api.start(ORDERS_ID, "MTT");
        api.post(control("faults"), "{\"path\":\"/saas/api/v2/job\",\"action\":\"status\",\"status\":503}");
        assertThat(api.post(control("reset"), null).json().get("ok").asBoolean()).isTrue();
        assertThat(api.get(control("runs")).json().get("runs")).isEmpty();
        assertThat(api.get(control("requests")).json().get("total").asInt()).isZero();
        assertThat(api.v2Get("/api/v2/activity/activityMonitor").status()).as("sessions forgotten").isEqualTo(401);
        Api again = Api.loggedIn(emu);
        assertThat(again.start(ORDERS_ID, "MTT")).isEqualTo(1);
    }

    @Test
    void addAndRemoveFaults() {
        Api.Reply add = api.post(control("faults"), "{\"method\":\"GET\",\"path\":\"/saas/api/v2/activity/*\",\"action\":\"status\",\"status\":500}");
        assertThat(add.status()).isEqualTo(200);
        assertThat(api.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(500);
        assertThat(api.send("DELETE", control("faults"), null).status()).isEqualTo(200);
        assertThat(api.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(200);
    }

    @Test
    void invalidFaultRulesAre400WithTheReason() {
        assertThat(api.post(control("faults"), "{\"path\":\"/x\",\"action\":\"explode\"}").json().get("error").get("message").asText())
                .contains("explode");
        assertThat(api.post(control("faults"), "{\"action\":\"status\",\"status\":503}").status()).isEqualTo(400);
        assertThat(api.post(control("faults"), "{\"path\":\"/x\",\"action\":\"status\"}").json().get("error").get("message").asText())
                .contains("status");
        assertThat(api.post(control("faults"), "{\"path\":\"/x\",\"action\":\"delay\"}").status()).isEqualTo(400);
        assertThat(api.post(control("faults"), "{\"path\":\"/x\",\"action\":\"drop-after\",\"delay\":\"soon\"}").status()).isEqualTo(400);
        assertThat(api.post(control("faults"), "{\"path\":\"/x\",\"action\":\"drop-after\",\"probability\":2}").status()).isEqualTo(400);
        assertThat(api.post(control("faults"), "{\"path\":\"/x\",\"action\":\"drop-after\",\"colour\":1}").json().get("error").get("message").asText())
                .contains("colour");
        assertThat(api.post(control("faults"), "not json").status()).isEqualTo(400);
    }

    @Test
    void controlApiIsOnlyOnTheLoginHost() {
        assertThat(api.get(emu.podUrl() + "/_emulator/runs").status()).isEqualTo(404);
    }

    @Test
    void unknownControlCallIs404() {
        Api.Reply r = api.get(control("nothing"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").get("code").asText()).isEqualTo("EMU_NO_ROUTE");
    }
}
