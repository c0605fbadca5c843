package dev.iicsctl.emulator;

import static dev.iicsctl.emulator.TestCatalogs.ORDERS_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.iicsctl.emulator.fault.FaultRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FaultTest {
    static final String START = "{\"@type\":\"job\",\"taskId\":\"" + ORDERS_ID + "\",\"taskType\":\"MTT\"}";

    Emulator emu;
    Api api;

    @BeforeEach
    void start() {
        emu = Emulator.builder().catalogYaml(TestCatalogs.STANDARD).seed(7).build().start();
        api = Api.loggedIn(emu);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private void addFault(String json) {
        assertThat(api.post(emu.loginUrl() + "/_emulator/faults", json).status()).isEqualTo(200);
    }

    @Test
    void statusFaultAnswersTheGivenBodyAndRetryAfterInsteadOfHandling() {
        addFault("{\"method\":\"POST\",\"path\":\"/saas/api/v2/job\",\"times\":1,\"action\":\"status\",\"status\":503,"
                + "\"contentType\":\"text/html\",\"body\":\"<html>busy</html>\",\"retryAfterSeconds\":2,\"delay\":\"0s\"}");
        Api.Reply r = api.v2Post("/api/v2/job", START);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("Content-Type")).isEqualTo("text/html");
        assertThat(r.header("Retry-After")).isEqualTo("2");
        assertThat(r.body()).isEqualTo("<html>busy</html>");
        assertThat(emu.runs()).isEmpty();
        assertThat(api.v2Post("/api/v2/job", START).status()).as("times: 1").isEqualTo(200);
        assertThat(emu.runs()).hasSize(1);
    }

    @Test
    void statusFaultWithoutBodyAnswersAnErrorObjectOfTheRoutesVersion() {
        emu.addFault(FaultRule.status("GET", "/saas/*", 502));
        Api.Reply v2 = api.v2Get("/api/v2/activity/activityMonitor");
        assertThat(v2.status()).isEqualTo(502);
        assertThat(v2.json().get("@type").asText()).isEqualTo("error");
        Api.Reply v3 = api.v2Get("/public/core/v3/objects");
        assertThat(v3.json().get("error").get("code").asText()).isEqualTo("EMU_FAULT");
    }

    @Test
    void delayFaultHandlesButAnswersLate() {
        emu.addFault(FaultRule.delay("POST", "/saas/api/v2/job", Duration.ofMillis(400)).times(1));
        long t0 = System.nanoTime();
        Api.Reply r = api.v2Post("/api/v2/job", START);
        assertThat(r.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aDelayedAnswerDoesNotHoldUpOtherRequests() throws Exception {
        emu.addFault(FaultRule.delay("GET", "/saas/api/v2/task", Duration.ofMillis(1500)));
        var slow = api.http.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.serverUrl + "/api/v2/task?type=MTT"))
                .header("icSessionId", api.session).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        Thread.sleep(100);
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(api.monitor()).isNotNull();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1200));
        assertThat(slow.isDone()).isFalse();
        assertThat(slow.get().statusCode()).isEqualTo(200);
    }

    @Test
    void dropBeforeClosesTheConnectionWithoutHandling() {
        emu.addFault(FaultRule.dropBefore("POST", "/saas/api/v2/job").times(1));
        assertThatThrownBy(() -> api.v2Post("/api/v2/job", START)).isInstanceOf(UncheckedIOException.class);
        assertThat(emu.runs()).isEmpty();
        assertThat(emu.requests().recent()).last().extracting(RecordedRequest::status).isEqualTo(0);
    }

    @Test
    void dropAfterStartsTheJobButTheClientNeverHears() {
        addFault("{\"method\":\"POST\",\"path\":\"/saas/api/v2/job\",\"times\":1,\"action\":\"drop-after\"}");
        assertThatThrownBy(() -> api.v2Post("/api/v2/job", START)).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(emu.runs()).singleElement().satisfies(run -> {
            assertThat(run.taskId()).isEqualTo(ORDERS_ID);
            assertThat(run.jobRunId()).isEqualTo(1);
        });
    }

    @Test
    void malformedAnswers200WithATruncatedBody() {
        emu.addFault(FaultRule.malformed("POST", "/saas/api/v2/job"));
        Api.Reply r = api.v2Post("/api/v2/job", START);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).startsWith("{\"@type\":\"job\"");
        assertThatThrownBy(() -> Api.JSON.readTree(r.body())).isInstanceOf(JsonProcessingException.class);
        assertThat(emu.runs()).hasSize(1);
    }

    @Test
    void stallSendsTheHeadersAndThenNothing() throws Exception {
        addFault("{\"method\":\"GET\",\"path\":\"/saas/api/v2/activity/activityMonitor\",\"action\":\"stall\"}");
        var stalled = api.http.sendAsync(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.serverUrl + "/api/v2/activity/activityMonitor"))
                .header("icSessionId", api.session).build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        var response = stalled.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as("the headers arrive").isEqualTo(200);
        var body = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (var in = response.body()) {
                return in.read();
            } catch (IOException e) {
                return -2;
            }
        });
        Thread.sleep(500);
        assertThat(body.isDone()).as("no body byte has come").isFalse();
        body.cancel(true);
        assertThat(emu.requests().faults()).containsEntry("stall", 1L);
    }

    @Test
    void dripSendsTheWholeAnswerOneByteAtATime() {
        addFault("{\"method\":\"GET\",\"path\":\"/saas/api/v2/activity/activityMonitor\",\"times\":1,"
                + "\"action\":\"drip\",\"interval\":\"20ms\"}");
        Api.Reply dripped = api.v2Get("/api/v2/activity/activityMonitor");
        assertThat(dripped.status()).isEqualTo(200);
        assertThat(dripped.body()).isEqualTo(api.v2Get("/api/v2/activity/activityMonitor").body());
        assertThat(emu.requests().faults()).containsEntry("drip 20ms", 1L);
        assertThat(FaultRule.drip(null, "/x", Duration.ofMillis(100)).label()).isEqualTo("drip 100ms");
        assertThat(FaultRule.stall(null, "/x").label()).isEqualTo("stall");
    }

    @Test
    void timesLimitsHowOftenARuleApplies() {
        emu.addFault(FaultRule.status(null, "/saas/api/v2/activity/activityMonitor", 500).times(2));
        assertThat(api.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(500);
        assertThat(api.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(500);
        assertThat(api.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(200);
    }

    @Test
    void probabilityAppliesToAboutThatShareReproducibly() {
        emu.addFault(FaultRule.status("GET", "/saas/api/v2/activity/activityMonitor", 500).probability(0.5));
        int failures = 0;
        for (int i = 0; i < 60; i++) {
            if (api.v2Get("/api/v2/activity/activityMonitor").status() == 500) {
                failures++;
            }
        }
        assertThat(failures).isBetween(15, 45);
    }

    @Test
    void requestLogCountsInjectedFaultsByKind() {
        emu.addFault(FaultRule.status("GET", "/saas/api/v2/activity/activityMonitor", 503).retryAfterSeconds(1)
                .times(2));
        emu.addFault(FaultRule.status("GET", "/saas/api/v2/activity/activityMonitor", 502, "text/html; charset=utf-8",
                "<html>bad gateway</html>").times(1));
        emu.addFault(FaultRule.malformed("GET", "/saas/api/v2/activity/activityMonitor").times(1));
        for (int i = 0; i < 5; i++) {
            api.v2Get("/api/v2/activity/activityMonitor");
        }
        assertThat(emu.requests().faults()).containsExactly(
                Map.entry("malformed", 1L),
                Map.entry("status 502 text/html", 1L),
                Map.entry("status 503 Retry-After", 2L));
        assertThat(emu.requests().recent()).extracting(RecordedRequest::fault).as("login first, then five polls")
                .containsExactly(null, "status 503 Retry-After", "status 503 Retry-After", "status 502 text/html",
                        "malformed", null);
        Api.Reply control = api.get(emu.loginUrl() + "/_emulator/requests");
        assertThat(control.json().path("faults").path("status 503 Retry-After").asLong()).isEqualTo(2);
        assertThat(control.json().path("recent").get(1).path("fault").asText()).isEqualTo("status 503 Retry-After");
        emu.reset();
        assertThat(emu.requests().faults()).isEmpty();
    }

    @Test
    void faultLabelsNameTheActionAndItsDelay() {
        assertThat(FaultRule.delay("GET", "/x", Duration.ofMillis(600)).label()).isEqualTo("delay 600ms");
        assertThat(FaultRule.dropAfter(null, "/x").delay(Duration.ofMillis(50)).label())
                .isEqualTo("drop-after after 50ms");
        assertThat(FaultRule.dropBefore(null, "/x").label()).isEqualTo("drop-before");
        assertThat(FaultRule.status(null, "/x", 429).label()).isEqualTo("status 429");
    }

    @Test
    void methodAndExactPathMustMatch() {
        emu.addFault(FaultRule.status("POST", "/saas/api/v2/activity/activityMonitor", 500));
        emu.addFault(FaultRule.status("GET", "/saas/api/v2/activity", 500));
        assertThat(api.v2Get("/api/v2/activity/activityMonitor").status()).isEqualTo(200);
    }

    @Test
    void faultsAndLatencyNeverApplyToTheControlApi() {
        emu.addFault(FaultRule.status(null, "/*", 500));
        assertThat(api.get(emu.loginUrl() + "/_emulator/runs").status()).isEqualTo(200);
        assertThat(api.send("DELETE", emu.loginUrl() + "/_emulator/faults", null).status()).isEqualTo(200);
        assertThat(api.monitor()).isNotNull();
    }

    @Test
    void latencyIsAddedToApiAnswersAndLoginLatencyToLogins() {
        try (Emulator slow = Emulator.builder().latency(Duration.ofMillis(300)).loginLatency(Duration.ofMillis(50)).build().start()) {
            long t0 = System.nanoTime();
            Api a = Api.loggedIn(slow);
            Duration login = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(login).isGreaterThanOrEqualTo(Duration.ofMillis(50)).isLessThan(Duration.ofMillis(300));
            t0 = System.nanoTime();
            a.monitor();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            t0 = System.nanoTime();
            a.get(slow.loginUrl() + "/_emulator/runs");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(300));
        }
    }

    @Test
    void faultRuleFromJsonRejectsNonsense() {
        assertThatThrownBy(() -> FaultRule.fromJson("{\"path\":\"/x\",\"action\":\"status\",\"status\":42}"))
                .hasMessageContaining("status");
        assertThat(FaultRule.fromJson("{\"path\":\"/x*\",\"action\":\"drop-before\"}").selects("GET", "/x/y")).isTrue();
    }
}
