package dev.iicsctl.emulator;

import static dev.iicsctl.emulator.TestCatalogs.ORDERS_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ActivityLogTest extends ClockedEmulatorTest {
    static final String MASK_ID = "0100000Z00000000005M";

    /** Runs the 1 s Mask task {@code n} times, one after the other. */
    private void runMask(int n) {
        for (int i = 0; i < n; i++) {
            api.start(MASK_ID, "DMASK");
            clock.advanceMillis(1600);
        }
    }

    @Test
    void emptyWhileRunningThenOneEntry() {
        long runId = api.start(ORDERS_ID, "MTT");
        clock.advanceMillis(5000);
        assertThat(api.log("taskId=" + ORDERS_ID + "&runId=" + runId)).isEmpty();
        assertThat(api.log("")).isEmpty();
        clock.advanceMillis(6000);
        assertThat(api.log("taskId=" + ORDERS_ID + "&runId=" + runId)).hasSize(1);
        assertThat(api.log("")).hasSize(1);
    }

    @Test
    void newestFirstWithOffsetAndRowLimit() {
        runMask(5);
        JsonNode all = api.log("taskId=" + MASK_ID);
        assertThat(all).extracting(e -> e.get("runId").asLong()).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(api.log("taskId=" + MASK_ID + "&offset=1&rowLimit=2")).extracting(e -> e.get("runId").asLong())
                .containsExactly(4L, 3L);
        assertThat(api.log("offset=10")).isEmpty();
    }

    @Test
    void defaultLimitIs200AndMaximum1000() {
        runMask(205);
        assertThat(api.log("")).hasSize(200);
        assertThat(api.log("rowLimit=205")).hasSize(205);
        assertThat(api.log("rowLimit=5000")).hasSize(205);
    }

    @Test
    void runIdWithoutTaskIdIs400() {
        Api.Reply r = api.v2Get("/api/v2/activity/activityLog?runId=1");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("description").asText()).contains("taskId");
    }

    @Test
    void nonNumericParametersAre400() {
        assertThat(api.v2Get("/api/v2/activity/activityLog?rowLimit=ten").status()).isEqualTo(400);
        assertThat(api.v2Get("/api/v2/activity/activityLog?offset=-1").status()).isEqualTo(400);
        assertThat(api.v2Get("/api/v2/activity/activityLog?taskId=" + MASK_ID + "&runId=x").status()).isEqualTo(400);
    }

    @Test
    void unknownTaskGivesAnEmptyList() {
        assertThat(api.log("taskId=nothing")).isEmpty();
    }

    @Test
    void entryById() {
        runMask(1);
        JsonNode listed = api.log("").get(0);
        Api.Reply r = api.v2Get("/api/v2/activity/activityLog/" + listed.get("id").asText());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(listed);
    }

    @Test
    void entryByIdAsXml() throws Exception {
        runMask(1);
        String id = api.log("").get(0).get("id").asText();
        Api.Reply r = api.v2Get("/api/v2/activity/activityLog/" + id, "Accept", "application/xml");
        assertThat(r.body()).contains("<activityLogEntry>").contains("<id>" + id + "</id>").contains("<state>1</state>")
                .contains("<entry key=\"Session Log File Name\">");
        var document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("activityLogEntry");
    }

    @Test
    void logListAsXml() {
        runMask(2);
        Api.Reply r = api.v2Get("/api/v2/activity/activityLog?rowLimit=1", "Accept", "application/xml");
        assertThat(r.body()).startsWith("<?xml").contains("<activityLogEntries><activityLogEntry>");
    }

    @Test
    void unknownOrUnfinishedEntryIs404() {
        assertThat(api.v2Get("/api/v2/activity/activityLog/010000C1000000000ZZZ").status()).isEqualTo(404);
        api.start(ORDERS_ID, "MTT");
        clock.advanceMillis(2000);
        String runningId = api.monitor().get(0).get("id").asText();
        Api.Reply r = api.v2Get("/api/v2/activity/activityLog/" + runningId);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("EMU_NOT_FOUND");
    }

    @Test
    void sessionLogIsPlausibleText() {
        api.start("0100000Z00000000003P", "DSS");
        clock.advanceMillis(3000);
        String id = api.log("").get(0).get("id").asText();
        Api.Reply r = api.v2Get("/api/v2/activity/activityLog/" + id + "/sessionLog");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.header("Content-Disposition")).matches("attachment; filename=\"s_dss_.*\\.log\"");
        assertThat(r.body()).contains("Post Invoices").contains("ERROR").contains("Connection refused").contains("FAILED");
    }

    @Test
    void errorLogListsRejectedRows() {
        api.start("0100000Z00000000002R", "MTT");
        clock.advanceMillis(3000);
        String id = api.log("").get(0).get("id").asText();
        Api.Reply r = api.v2Get("/api/v2/activity/errorLog/" + id);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().lines()).hasSize(11).first().isEqualTo("Transformation,Row,Error");
    }

    @Test
    void sessionLogOfAnUnknownEntryIs404() {
        assertThat(api.v2Get("/api/v2/activity/activityLog/nope/sessionLog").status()).isEqualTo(404);
        assertThat(api.v2Get("/api/v2/activity/errorLog/nope").status()).isEqualTo(404);
    }

    @Test
    void sessionLogOfOneChildByItemId() {
        api.start("0100000F00000000007W", "WORKFLOW");
        clock.advanceMillis(5000);
        JsonNode entry = api.log("").get(0);
        String childId = entry.get("entries").get(1).get("id").asText();
        Api.Reply one = api.v2Get("/api/v2/activity/activityLog/" + entry.get("id").asText() + "/sessionLog?itemId=" + childId);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).contains("Load Returns").doesNotContain("Starting task [Mask]");
        Api.Reply all = api.v2Get("/api/v2/activity/activityLog/" + entry.get("id").asText() + "/sessionLog");
        assertThat(all.body()).contains("Starting task [Mask]").contains("Starting task [Ledger]");
        assertThat(api.v2Get("/api/v2/activity/activityLog/" + entry.get("id").asText() + "/sessionLog?itemId=1").status())
                .isEqualTo(404);
        assertThat(api.v2Get("/api/v2/activity/errorLog/" + entry.get("id").asText() + "?itemId=" + childId).body().lines())
                .hasSize(11);
    }

    @Test
    void sessionLogAsZipWhenZipIsAskedFirst() throws Exception {
        runMask(1);
        String id = api.log("").get(0).get("id").asText();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.serverUrl + "/api/v2/activity/activityLog/" + id + "/sessionLog"))
                .header("icSessionId", api.session).header("Accept", "application/zip").build();
        var answer = api.http.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/zip;charset=UTF-8");
        assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"s_dmask_.*_1\\.log\\.zip\"");
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(answer.body()))) {
            var entry = zip.getNextEntry();
            assertThat(entry.getName()).startsWith("s_dmask_").endsWith("_1.log");
            assertThat(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("Starting task [Mask]");
        }
        assertThat(api.v2Get("/api/v2/activity/activityLog/" + id + "/sessionLog", "Accept", "text/plain, application/zip").header("Content-Type"))
                .startsWith("text/plain");
    }
}
