package dev.iicsctl.emulator;

import static dev.iicsctl.emulator.TestCatalogs.ORDERS_FRS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class V3Test extends ClockedEmulatorTest {
    private static final String V3_LOGIN = "{\"username\":\"demo@example.com\",\"password\":\"demo-password\"}";

    private Api.Reply lookup(String body) {
        return api.post(api.serverUrl + "/public/core/v3/lookup", body, "INFA-SESSION-ID", api.session);
    }

    private Api.Reply objects(String query) {
        return api.get(api.serverUrl + "/public/core/v3/objects" + query, "INFA-SESSION-ID", api.session);
    }

    private static String q(String filter) {
        return "?q=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    @Test
    void loginAnswersProductsAndUserInfo() {
        Api.Reply r = api.post(emu.loginUrl() + "/saas/public/core/v3/login", V3_LOGIN);
        assertThat(r.status()).isEqualTo(200);
        JsonNode product = r.json().get("products").get(0);
        assertThat(product.get("name").asText()).isEqualTo("Integration Cloud");
        assertThat(product.get("baseApiUrl").asText()).isEqualTo(emu.podUrl() + "/saas");
        JsonNode info = r.json().get("userInfo");
        assertThat(info.get("sessionId").asText()).matches("[0-9A-Za-z]{22}");
        assertThat(info.get("name").asText()).isEqualTo("demo@example.com");
        assertThat(info.get("orgName").asText()).isEqualTo("Demo Org");
        assertThat(info.get("status").asText()).isEqualTo("Active");
        for (String field : new String[] {"id", "parentOrgId", "orgId", "groups"}) {
            assertThat(info.has(field)).as(field).isTrue();
        }
    }

    @Test
    void badLoginIs401WithIds085() {
        Api.Reply r = api.post(emu.loginUrl() + "/saas/public/core/v3/login", "{\"username\":\"demo@example.com\",\"password\":\"x\"}");
        assertThat(r.status()).isEqualTo(401);
        JsonNode error = r.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo("IDS_085");
        assertThat(error.get("message").asText()).isEqualTo("User name or password is not valid.");
        assertThat(error.get("requestId").asText()).isNotBlank();
        assertThat(api.post(emu.loginUrl() + "/saas/public/core/v3/login", "{}").status()).isEqualTo(400);
        assertThat(api.post(emu.loginUrl() + "/saas/public/core/v3/login", "{bad").json().get("error").get("code").asText())
                .isEqualTo("EMU_MALFORMED_BODY");
    }

    @Test
    void logoutOnLoginHostAndOnPodHost() {
        Api.Reply login = api.post(emu.loginUrl() + "/saas/public/core/v3/login", V3_LOGIN);
        String session = login.json().get("userInfo").get("sessionId").asText();
        assertThat(api.post(emu.loginUrl() + "/saas/public/core/v3/logout", null, "INFA-SESSION-ID", session).status()).isEqualTo(200);
        assertThat(api.post(emu.loginUrl() + "/saas/public/core/v3/logout", null, "INFA-SESSION-ID", session).status()).isEqualTo(401);
        assertThat(api.post(emu.podUrl() + "/saas/public/core/v3/logout", null, "INFA-SESSION-ID", api.session).status()).isEqualTo(200);
        assertThat(api.monitor().get("statusCode").asInt()).isEqualTo(401);
    }

    @Test
    void lookupByIdAndByPathKeepsTheRequestOrder() {
        Api.Reply r = lookup("{\"objects\":[{\"path\":\"Finance/Post Invoices\",\"type\":\"dss\"},{\"id\":\"" + ORDERS_FRS + "\"},"
                + "{\"path\":\"Sales\",\"type\":\"Project\"}]}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode found = r.json().get("objects");
        assertThat(found).extracting(o -> o.get("path").asText()).containsExactly("Finance/Post Invoices", "Sales/Load Orders", "Sales");
        assertThat(found.get(1).get("id").asText()).isEqualTo(ORDERS_FRS);
        assertThat(found.get(1).get("type").asText()).isEqualTo("MTT");
        for (String field : new String[] {"id", "path", "type", "description", "updatedBy", "updateTime"}) {
            assertThat(found.get(0).has(field)).as(field).isTrue();
        }
    }

    @Test
    void lookupAnswersOneEntryPerAskedObjectWithAnErrorForEachMissingOne() {
        Api.Reply r = lookup("{\"objects\":[{\"path\":\"Sales/Nothing\",\"type\":\"mtt\"},"
                + "{\"path\":\"Sales/Load Orders\",\"type\":\"DSS\"},{\"path\":\"Sales/Load Orders\",\"type\":\"MTT\"},"
                + "{\"id\":\"nope\"}]}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode answered = r.json().get("objects");
        assertThat(answered).hasSize(4);
        assertThat(answered.get(0).has("id")).isFalse();
        assertThat(answered.get(0).get("path").asText()).isEqualTo("Sales/Nothing");
        assertThat(answered.get(0).get("type").asText()).isEqualTo("MTT");
        assertThat(answered.get(0).get("error").get("code").asText()).isEqualTo("EMU_NOT_FOUND");
        assertThat(answered.get(0).get("error").get("message").asText()).contains("Sales/Nothing");
        assertThat(answered.get(1).get("error").get("message").asText()).contains("DSS");
        assertThat(answered.get(2).get("id").asText()).isEqualTo(ORDERS_FRS);
        assertThat(answered.get(2).has("error")).isFalse();
        assertThat(answered.get(3).get("id").asText()).isEqualTo("nope");
        assertThat(answered.get(3).get("error").get("message").asText()).contains("nope");
    }

    @Test
    void objectsFilterTakesTermsJoinedByOrAndBindsAndTighter() {
        JsonNode either = objects(q("type=='MTT' or type=='DSS'")).json();
        assertThat(either.get("objects")).allMatch(o -> o.get("type").asText().matches("MTT|DSS"));
        assertThat(either.get("count").asInt()).isEqualTo(objects(q("type=='MTT'")).json().get("count").asInt()
                + objects(q("type=='DSS'")).json().get("count").asInt());
        JsonNode mixed = objects(q("type=='DSS' or type=='MTT' and location=='Sales'")).json();
        assertThat(mixed.get("objects")).allMatch(o -> o.get("type").asText().equals("DSS")
                || o.get("path").asText().startsWith("Sales/"));
        assertThat(objects(q("type=='MTT' or")).status()).isEqualTo(400);
        assertThat(objects(q("type=='MTT' xor type=='DSS'")).status()).isEqualTo(400);
    }

    @Test
    void lookupNeedsIdOrPathAndType() {
        assertThat(lookup("{\"objects\":[{\"path\":\"Sales/Load Orders\"}]}").status()).isEqualTo(400);
        assertThat(lookup("{}").status()).isEqualTo(400);
        assertThat(lookup("{\"objects\":").json().get("error").get("code").asText()).isEqualTo("EMU_MALFORMED_BODY");
    }

    @Test
    void lookupFindsTaskflowsWithTheirPublicationStatus() {
        JsonNode found = lookup("{\"objects\":[{\"path\":\"Flows/Draft\",\"type\":\"TASKFLOW\"}]}").json().get("objects").get(0);
        assertThat(found.get("customAttributes").get("publicationStatus").asText()).isEqualTo("unpublished");
    }

    @Test
    void objectsFilterByTypeAndLocation() {
        JsonNode mtt = objects(q("type=='MTT'")).json();
        assertThat(mtt.get("count").asInt()).isEqualTo(3);
        JsonNode sales = objects(q("type=='MTT' and location=='Sales'")).json();
        assertThat(sales.get("count").asInt()).isEqualTo(2);
        assertThat(sales.get("objects")).extracting(o -> o.get("path").asText()).containsExactly("Sales/Load Orders", "Sales/Load Returns");
        JsonNode flows = objects(q("type=='TASKFLOW' and customAttributes.publicationStatus=='published'")).json();
        assertThat(flows.get("count").asInt()).isEqualTo(4);
        assertThat(objects(q("type!='MTT'")).json().get("objects")).noneMatch(o -> o.get("type").asText().equals("MTT"));
    }

    @Test
    void objectsPageWithLimitAndSkipAndCountAll() {
        JsonNode all = objects("").json();
        int count = all.get("count").asInt();
        assertThat(all.get("objects")).hasSize(count);
        JsonNode page = objects("?limit=2&skip=1").json();
        assertThat(page.get("count").asInt()).isEqualTo(count);
        assertThat(page.get("objects")).hasSize(2);
        assertThat(page.get("objects").get(0)).isEqualTo(all.get("objects").get(1));
    }

    @Test
    void objectsRejectBadLimitsAndFilters() {
        assertThat(objects("?limit=201").status()).isEqualTo(400);
        assertThat(objects("?skip=x").status()).isEqualTo(400);
        Api.Reply badField = objects(q("colour=='red'"));
        assertThat(badField.status()).isEqualTo(400);
        assertThat(badField.json().get("error").get("message").asText()).contains("colour");
        assertThat(objects(q("type=MTT")).status()).isEqualTo(400);
    }

    @Test
    void unknownV3RouteIs404WithAV3Error() {
        Api.Reply r = api.get(api.serverUrl + "/public/core/v3/nothing", "INFA-SESSION-ID", api.session);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").get("code").asText()).isEqualTo("EMU_NO_ROUTE");
    }
}
