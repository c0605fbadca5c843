package dev.iicsctl.emulator;

import static dev.iicsctl.emulator.TestCatalogs.ORDERS_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers shaped as real orgs send them, where public clients depend on the shape. */
class RealOrgShapesTest extends ClockedEmulatorTest {

    @Test
    void jobStopAnswersTheSuccessObject() {
        api.start(ORDERS_ID, "MTT");
        clock.advanceMillis(1000);
        Api.Reply r = api.v2Post("/api/v2/job/stop", "{\"taskId\":\"" + ORDERS_ID + "\",\"taskType\":\"MTT\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("@type").asText()).isEqualTo("success");
        assertThat(r.json().get("description").asText()).contains("Load Orders");
        Api.Reply xml = api.v2Post("/api/v2/job/stop", "{\"taskId\":\"0100000Z00000000005M\",\"taskType\":\"DMASK\"}",
                "Accept", "application/xml");
        assertThat(xml.status()).isEqualTo(400);
    }

    @Test
    void serverTimeIsTheEmulatorsClock() {
        JsonNode t = api.v2Get("/api/v2/server/serverTime").json();
        assertThat(t.get("@type").asText()).isEqualTo("serverTime");
        assertThat(Instant.parse(t.get("time").asText())).isEqualTo(clock.instant());
        assertThat(api.get(api.serverUrl + "/api/v2/server/serverTime").status()).isEqualTo(401);
    }

    @Test
    void replicationEntriesCarryOnlyTheEasternTimes() {
        api.start("0100000Z00000000004S", "DRS");
        api.start(ORDERS_ID, "MTT");
        clock.advanceMillis(20_000);
        JsonNode drs = api.log("taskId=0100000Z00000000004S").get(0);
        assertThat(drs.has("startTime")).isTrue();
        assertThat(drs.has("startTimeUtc")).isFalse();
        assertThat(drs.has("endTimeUtc")).isFalse();
        assertThat(drs.get("entries").get(0).has("startTimeUtc")).isFalse();
        assertThat(api.log("taskId=" + ORDERS_ID).get(0).has("startTimeUtc")).isTrue();
    }

    @Test
    void mtTaskListHoldsTheMappingTasksOnly() {
        JsonNode list = api.v2Get("/api/v2/mttask").json();
        List<String> names = new ArrayList<>();
        list.forEach(t -> {
            assertThat(t.get("@type").asText()).isEqualTo("mtTask");
            names.add(t.get("name").asText());
        });
        assertThat(names).containsExactly("Load Orders", "Load Returns", "Load Orders");
        assertThat(list.get(0).get("id").asText()).isEqualTo(ORDERS_ID);
        assertThat(list.get(0).get("frsId").asText()).isEqualTo(TestCatalogs.ORDERS_FRS);
    }

    @Test
    void referencesListWhatATaskflowUsesAndWhatUsesATask() {
        String good = api.post(api.serverUrl + "/public/core/v3/lookup",
                "{\"objects\":[{\"path\":\"Flows/Good\",\"type\":\"TASKFLOW\"}]}", "INFA-SESSION-ID", api.session)
                .json().get("objects").get(0).get("id").asText();
        JsonNode uses = v3Get("/public/core/v3/objects/" + good + "/references?refType=uses");
        assertThat(uses.get("count").asInt()).isEqualTo(2);
        assertThat(uses.get("@id").asText()).isEqualTo(good);
        assertThat(uses.get("references").get(0).get("path").asText()).isEqualTo("Finance/Mask");
        assertThat(uses.get("references").get(0).get("appContextId").asText()).isEqualTo("0100000Z00000000005M");
        assertThat(uses.get("references").get(0).get("documentType").asText()).isEqualTo("DMASK");

        String mask = api.post(api.serverUrl + "/public/core/v3/lookup",
                "{\"objects\":[{\"path\":\"Finance/Mask\",\"type\":\"DMASK\"}]}", "INFA-SESSION-ID", api.session)
                .json().get("objects").get(0).get("id").asText();
        JsonNode usedBy = v3Get("/public/core/v3/objects/" + mask + "/references?refType=usedBy&limit=2&skip=1");
        // Used by Sales/Nightly, Sales/Nightly Broken, and the taskflows Good, Bad, Stuck, Draft and Mixed.
        assertThat(usedBy.get("count").asInt()).isEqualTo(7);
        assertThat(usedBy.get("references")).hasSize(2);
        assertThat(usedBy.get("references").get(0).get("path").asText()).isEqualTo("Sales/Nightly Broken");
        assertThat(usedBy.get("references").get(1).get("documentType").asText()).isEqualTo("TASKFLOW");

        assertThat(api.get(api.serverUrl + "/public/core/v3/objects/" + mask + "/references",
                "INFA-SESSION-ID", api.session).status()).isEqualTo(400);
        assertThat(api.get(api.serverUrl + "/public/core/v3/objects/nope/references?refType=uses",
                "INFA-SESSION-ID", api.session).status()).isEqualTo(404);
    }

    @Test
    void taskflowRunIdsHaveTwentyDigitsBeyondALong() {
        for (int i = 0; i < 5; i++) {
            String runId = api.podSend("POST", "/active-bpel/rt/Good", "{}").json().get("RunId").asText();
            assertThat(runId).matches("[1-9][0-9]{19}");
            assertThat(new BigInteger(runId)).isGreaterThan(BigInteger.valueOf(Long.MAX_VALUE));
            JsonNode status = api.podGet("/active-bpel/services/tf/status/" + runId).json();
            assertThat(status.get("runId").bigIntegerValue()).isEqualTo(new BigInteger(runId));
        }
    }

    @Test
    void aCustomRunNameNamesTheInstance() {
        Api.Reply r = api.send("POST", emu.podUrl() + "/active-bpel/rt/Good", "{}", "INFA-SESSION-ID", api.session,
                "TF-INSTANCE-NAME", "nightly-42");
        String runId = r.json().get("RunId").asText();
        JsonNode status = api.podGet("/active-bpel/services/tf/status/" + runId).json();
        assertThat(status.get("assetName").asText()).isEqualTo("Good-nightly-42-" + runId);
        String plain = api.podSend("POST", "/active-bpel/rt/Good", "{}").json().get("RunId").asText();
        assertThat(api.podGet("/active-bpel/services/tf/status/" + plain).json().get("assetName").asText())
                .isEqualTo("Good");
    }

    @Test
    void terminateTakesSeveralRunsInOneCall() {
        String a = api.podSend("POST", "/active-bpel/rt/Good", "{}").json().get("RunId").asText();
        String b = api.podSend("POST", "/active-bpel/rt/Stuck", "{}").json().get("RunId").asText();
        clock.advanceMillis(500);
        Api.Reply r = api.podSend("PUT", "/active-bpel/services/tf/terminate", "{\"runid\":[\"" + a + "\",\"" + b + "\"]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(api.podGet("/active-bpel/services/tf/status/" + a).json().get("status").asText()).isEqualTo("FAILED");
        assertThat(api.podGet("/active-bpel/services/tf/status/" + b).json().get("status").asText()).isEqualTo("FAILED");
    }

    private JsonNode v3Get(String path) {
        Api.Reply r = api.get(api.serverUrl + path, "INFA-SESSION-ID", api.session);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
