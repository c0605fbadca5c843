package dev.iicsctl.client.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void secretFieldsAndKnownSessionIdsAreMasked() {
        Redactor r = new Redactor();
        r.remember("IV4wOrJmd6YUtmKa8t");
        String body = "{\"@type\":\"login\",\"username\":\"u\",\"password\":\"p\\\"w,d\"} "
                + "{\"icSessionId\":\"IV4wOrJmd6YUtmKa8t\",\"userInfo\":{\"sessionId\": \"9KA11tLGqxVcGeul8SQBK3\"}}"
                + " https://x/saas?sid=IV4wOrJmd6YUtmKa8t";
        String out = r.redact(body);
        assertThat(out).doesNotContain("p\\\"w,d").doesNotContain("IV4wOrJmd6YUtmKa8t")
                .doesNotContain("9KA11tLGqxVcGeul8SQBK3").contains("\"username\":\"u\"")
                .contains("\"password\":\"***\"");
        assertThat(r.isSecretHeader("icSessionId")).isTrue();
        assertThat(r.isSecretHeader("INFA-SESSION-ID")).isTrue();
        assertThat(r.isSecretHeader("Accept")).isFalse();
    }
}
