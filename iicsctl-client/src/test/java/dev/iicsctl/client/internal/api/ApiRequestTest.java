package dev.iicsctl.client.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request value: resendable unless marked sent once, validated, and immutable once built. */
class ApiRequestTest {

    @Test
    void aRequestIsResendableUnlessMarkedSentOnce() {
        ApiRequest read = ApiRequest.get(ApiArea.V2, "/activity/activityLog").query("runId", "7").build();
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("taskId", "0001");
        ApiRequest start = ApiRequest.post(ApiArea.V2, "/job").json(body).sentOnce().build();

        assertThat(read.resendable()).isTrue();
        assertThat(read.sentOnce()).isFalse();
        assertThat(read.method()).isEqualTo("GET");
        assertThat(read.body()).isNull();
        assertThat(read.saveTo()).isNull();
        assertThat(start.resendable()).isFalse();
        assertThat(start.method()).isEqualTo("POST");
        assertThat(start.body()).isEqualTo(body);
        assertThat(start).hasToString("POST V2 /job (sent once)");
        assertThat(ApiRequest.put(ApiArea.POD_ROOT, "/active-bpel/services/tf/terminate").build().method())
                .isEqualTo("PUT");
    }

    @Test
    void queryHeadersAndFileAreKeptInOrder() {
        Map<String, String> more = new LinkedHashMap<>();
        more.put("b", "2");
        more.put("a", "1");
        ApiRequest r = ApiRequest.get(ApiArea.V3, "/objects").query("q", "x y").query(more)
                .header("Accept", "text/plain").saveTo(Path.of("log.txt")).build();

        assertThat(r.query()).containsExactly(Map.entry("q", "x y"), Map.entry("b", "2"), Map.entry("a", "1"));
        assertThat(r.headers()).containsExactly(Map.entry("Accept", "text/plain"));
        assertThat(r.saveTo()).isEqualTo(Path.of("log.txt"));
    }

    @Test
    void aBuiltRequestDoesNotChangeWithItsBuilderOrBody() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("taskId", "0001");
        ApiRequest.Builder builder = ApiRequest.post(ApiArea.V2, "/job").query("a", "1").json(body);
        ApiRequest first = builder.build();
        builder.query("b", "2").header("X", "y");
        body.put("taskId", "0002");

        assertThat(first.query()).containsOnlyKeys("a");
        assertThat(first.headers()).isEmpty();
        assertThat(first.body().get("taskId").asText()).isEqualTo("0001");
        assertThatThrownBy(() -> first.query().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void missingOrMalformedPartsAreRefused() {
        assertThatThrownBy(() -> ApiRequest.get(ApiArea.V2, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("path");
        assertThatThrownBy(() -> ApiRequest.get(null, "/job")).isInstanceOf(NullPointerException.class)
                .hasMessage("area");
        assertThatThrownBy(() -> ApiRequest.get(ApiArea.V2, "job").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> ApiRequest.get(ApiArea.V2, "/job").query("runId", null))
                .isInstanceOf(NullPointerException.class).hasMessage("runId");
        assertThatThrownBy(() -> ApiRequest.get(ApiArea.V2, "/job").header(null, "x"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ApiRequest.post(ApiArea.V2, "/job").json(null))
                .isInstanceOf(NullPointerException.class).hasMessage("body");
        assertThatThrownBy(() -> ApiRequest.get(ApiArea.V2, "/log").saveTo(null))
                .isInstanceOf(NullPointerException.class);
    }
}
