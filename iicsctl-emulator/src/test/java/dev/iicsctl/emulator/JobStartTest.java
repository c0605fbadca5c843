package dev.iicsctl.emulator;

import static dev.iicsctl.emulator.TestCatalogs.ORDERS_FRS;
import static dev.iicsctl.emulator.TestCatalogs.ORDERS_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JobStartTest extends ClockedEmulatorTest {
    private Api.Reply startJob(String body, String... headers) {
        return api.v2Post("/api/v2/job", body, headers);
    }

    @Test
    void classicTwoCallRecipeWithXmlAnswer() {
        Api fresh = new Api(emu);
        JsonNode user = fresh.post(emu.loginUrl() + "/ma/api/v2/user/login",
                "{\"@type\":\"login\",\"username\":\"demo@example.com\",\"password\":\"demo-password\"}").json();
        String serverUrl = user.get("serverUrl").asText();
        Api.Reply r = fresh.post(serverUrl + "/api/v2/job",
                "{\"@type\":\"job\",\"taskId\":\"" + ORDERS_ID + "\",\"taskType\":\"MTT\"}",
                "icSessionId", user.get("icSessionId").asText(), "Accept", "application/xml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/xml");
        assertThat(r.body()).contains("<job>").contains("<taskId>" + ORDERS_ID + "</taskId>").contains("<runId>1</runId>");
        assertThat(emu.runs()).singleElement().satisfies(run -> {
            assertThat(run.taskPath()).isEqualTo("Sales/Load Orders");
            assertThat(run.jobRunId()).isEqualTo(1);
        });
    }

    @Test
    void startByIdAnswersTheJobObject() {
        Api.Reply r = startJob("{\"@type\":\"job\",\"taskId\":\"" + ORDERS_ID + "\",\"taskType\":\"MTT\",\"callbackURL\":\"https://example.com/cb\"}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode job = r.json();
        assertThat(job.get("@type").asText()).isEqualTo("job");
        assertThat(job.get("taskId").asText()).isEqualTo(ORDERS_ID);
        assertThat(job.get("taskFederatedId").asText()).isEqualTo(ORDERS_FRS);
        assertThat(job.get("taskName").asText()).isEqualTo("Load Orders");
        assertThat(job.get("taskType").asText()).isEqualTo("MTT");
        assertThat(job.get("runId").isIntegralNumber()).isTrue();
        assertThat(job.get("runId").asLong()).isEqualTo(1);
        assertThat(job.get("callbackURL").asText()).isEqualTo("https://example.com/cb");
    }

    @Test
    void startByFederatedIdAnswersTheV2TaskId() {
        Api.Reply r = startJob("{\"taskFederatedId\":\"" + ORDERS_FRS + "\",\"taskType\":\"MTT\",\"runtime\":{\"@type\":\"mtTaskRuntime\"}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("taskId").asText()).isEqualTo(ORDERS_ID);
    }

    @Test
    void startByNameWithCaseInsensitiveType() {
        Api.Reply r = startJob("{\"taskName\":\"Load Returns\",\"taskType\":\"mtt\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("taskId").asText()).isEqualTo("0100000Z00000000002R");
    }

    @Test
    void startsALinearTaskflowWithTheDocumentedWorkflowSpelling() {
        Api.Reply r = startJob("{\"taskId\":\"0100000F00000000007W\",\"taskType\":\"Workflow\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("taskType").asText()).isEqualTo("WORKFLOW");
    }

    @Test
    void ambiguousNameIs400() {
        Api.Reply r = startJob("{\"taskName\":\"Load Orders\",\"taskType\":\"MTT\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("EMU_AMBIGUOUS_TASK");
    }

    @Test
    void runtimeParameterFileIsAccepted() {
        Api.Reply r = startJob("{\"taskId\":\"" + ORDERS_ID + "\",\"taskType\":\"MTT\",\"runtime\":{\"@type\":\"mtTaskRuntime\","
                + "\"parameterFileName\":\"orders.param\",\"parameterFileDir\":\"/agent/params\"}}");
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void xmlRequestWithJsonAnswer() {
        Api.Reply r = startJob("<job><taskId>" + ORDERS_ID + "</taskId><taskType>MTT</taskType>"
                + "<runtime><parameterFileName>p.txt</parameterFileName></runtime></job>", "Content-Type", "application/xml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("runId").asLong()).isEqualTo(1);
    }

    @Test
    void xmlRequestAndXmlAnswer() {
        Api.Reply r = startJob("<job><taskFederatedId>" + ORDERS_FRS + "</taskFederatedId><taskType>MTT</taskType></job>",
                "Content-Type", "application/xml", "Accept", "application/xml");
        assertThat(r.body()).startsWith("<?xml").contains("<taskName>Load Orders</taskName>");
    }

    @Test
    void runIdsCountPerTaskFromOne() {
        assertThat(api.start(ORDERS_ID, "MTT")).isEqualTo(1);
        assertThat(api.start("0100000Z00000000005M", "DMASK")).isEqualTo(1);
        clock.advanceMillis(20_000);
        assertThat(api.start(ORDERS_ID, "MTT")).isEqualTo(2);
    }

    @Test
    void everyRunnableTypeStarts() {
        assertThat(api.start("0100000Z00000000003P", "DSS")).isEqualTo(1);
        assertThat(api.start("0100000Z00000000004S", "DRS")).isEqualTo(1);
        assertThat(api.start("0100000Z00000000005M", "DMASK")).isEqualTo(1);
        assertThat(api.start("0100000Z00000000006L", "PCS")).isEqualTo(1);
    }

    @Test
    void unknownTaskIs404() {
        Api.Reply r = startJob("{\"taskId\":\"0100000Z0000000000XX\",\"taskType\":\"MTT\"}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("EMU_TASK_NOT_FOUND");
        assertThat(r.json().get("description").asText()).contains("0100000Z0000000000XX");
    }

    @Test
    void wrongTypeForAnExistingTaskIs404NamingTheRealType() {
        Api.Reply r = startJob("{\"taskId\":\"" + ORDERS_ID + "\",\"taskType\":\"DSS\"}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("description").asText()).contains("MTT");
    }

    @Test
    void badTaskTypeIs400() {
        Api.Reply r = startJob("{\"taskId\":\"" + ORDERS_ID + "\",\"taskType\":\"TASKFLOW\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("EMU_BAD_TASK_TYPE");
        assertThat(r.json().get("description").asText()).contains("/active-bpel/rt/");
    }

    @Test
    void missingTaskTypeIs400() {
        Api.Reply r = startJob("{\"taskId\":\"" + ORDERS_ID + "\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("description").asText()).contains("taskType");
    }

    @Test
    void missingTaskIdentityIs400() {
        Api.Reply r = startJob("{\"taskType\":\"MTT\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("description").asText()).contains("taskFederatedId");
    }

    @Test
    void malformedJsonIs400() {
        Api.Reply r = startJob("{taskId:");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("EMU_MALFORMED_BODY");
    }

    @Test
    void bodyThatIsNotAnObjectIs400() {
        assertThat(startJob("[1,2]").status()).isEqualTo(400);
    }

    @Test
    void runtimeThatIsNotAnObjectIs400() {
        Api.Reply r = startJob("{\"taskId\":\"" + ORDERS_ID + "\",\"taskType\":\"MTT\",\"runtime\":\"x\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("description").asText()).contains("runtime");
    }

    @Test
    void errorsAreXmlWhenXmlIsAsked() {
        Api.Reply r = startJob("{\"taskType\":\"MTT\"}", "Accept", "application/xml");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("<error>").contains("<statusCode>400</statusCode>");
    }

    @Test
    void startWithoutSessionIs401() {
        Api.Reply r = api.post(api.serverUrl + "/api/v2/job", "{\"taskId\":\"" + ORDERS_ID + "\",\"taskType\":\"MTT\"}");
        assertThat(r.status()).isEqualTo(401);
        assertThat(emu.runs()).isEmpty();
    }
}
