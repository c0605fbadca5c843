package dev.iicsctl.emulator;

import static dev.iicsctl.emulator.TestCatalogs.ORDERS_FRS;
import static dev.iicsctl.emulator.TestCatalogs.ORDERS_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TaskRoutesTest extends ClockedEmulatorTest {

    @Test
    void taskListByType() {
        JsonNode mtt = api.v2Get("/api/v2/task?type=MTT").json();
        assertThat(mtt).extracting(t -> t.get("name").asText()).containsExactly("Load Orders", "Load Returns", "Load Orders");
        JsonNode first = mtt.get(0);
        for (String field : new String[] {"id", "orgId", "name", "description", "createTime", "updateTime", "createdBy", "updatedBy"}) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("id").asText()).isEqualTo(ORDERS_ID);
        assertThat(api.v2Get("/api/v2/task?type=pcs").json()).hasSize(1);
        assertThat(api.v2Get("/api/v2/task?type=WORKFLOW").json()).hasSize(2);
    }

    @Test
    void taskListNeedsAValidType() {
        assertThat(api.v2Get("/api/v2/task").status()).isEqualTo(400);
        Api.Reply bad = api.v2Get("/api/v2/task?type=ABC");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("EMU_BAD_TASK_TYPE");
    }

    @Test
    void taskListAsXml() {
        assertThat(api.v2Get("/api/v2/task?type=DSS", "Accept", "application/xml").body())
                .contains("<tasks><task>").contains("<name>Post Invoices</name>");
    }

    @Test
    void mappingTaskByIdFederatedIdAndName() {
        JsonNode byId = api.v2Get("/api/v2/mttask/" + ORDERS_ID).json();
        assertThat(byId.get("@type").asText()).isEqualTo("mtTask");
        assertThat(byId.get("name").asText()).isEqualTo("Load Orders");
        assertThat(byId.has("parameters")).isTrue();
        assertThat(byId.get("errorTaskEmail").has("emails")).isTrue();
        assertThat(api.v2Get("/api/v2/mttask/frs/" + ORDERS_FRS).json().get("id").asText()).isEqualTo(ORDERS_ID);
        assertThat(api.v2Get("/api/v2/mttask/name/Load%20Returns").json().get("id").asText()).isEqualTo("0100000Z00000000002R");
    }

    @Test
    void mappingTaskOfAnotherTypeOrUnknownIs404() {
        assertThat(api.v2Get("/api/v2/mttask/0100000Z00000000003P").status()).isEqualTo(404);
        Api.Reply r = api.v2Get("/api/v2/mttask/name/Nothing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("EMU_TASK_NOT_FOUND");
    }

    @Test
    void taskRoutesNeedASession() {
        assertThat(api.get(api.serverUrl + "/api/v2/task?type=MTT").status()).isEqualTo(401);
        assertThat(api.get(api.serverUrl + "/api/v2/mttask/" + ORDERS_ID).status()).isEqualTo(401);
    }

    @Test
    void unknownV2RouteIs404WithAV2Error() {
        Api.Reply r = api.v2Get("/api/v2/nothing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("@type").asText()).isEqualTo("error");
        assertThat(r.body()).doesNotContain("<html");
    }
}
