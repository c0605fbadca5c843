package dev.iicsctl.cli.command;

import static dev.iicsctl.cli.TestCatalog.runsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import dev.iicsctl.cli.TestCatalog;
import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.RecordedRequest;
import dev.iicsctl.emulator.fault.FaultRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Taskflows (TASKFLOW) end to end: run, inputs, outcomes, subtasks, resume, stop, status, history, logs. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TaskflowCommandsTest extends EmulatorTestBase {

    private static final String RUN_ID = "\\d{20}"; // as the vendor's example: more than a signed 64-bit number holds

    private CliRun.Result json(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-o";
        all[args.length + 1] = "json";
        return cli.execute(all);
    }

    private static JsonNode only(CliRun.Result result) {
        List<JsonNode> lines = jsonLines(result);
        assertThat(lines).as(result.toString()).hasSize(1);
        return lines.get(0);
    }

    private EmulatedRun awaitTaskflow(String path, String state) throws InterruptedException {
        return emulator.awaitRun(path, TestCatalog.WAIT, state);
    }

    @Test
    void aSuccessfulTaskflowReportsItsSubtasksInText() {
        CliRun.Result result = runTask("Orchestration/Flow");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("Orchestration/Flow: run " + RUN_ID + " SUCCEEDED")
                .contains("  subtasks:\n")
                .contains("    Load Orders (MTT): SUCCEEDED in ")
                .contains("rows: source 0 ok, 0 failed; target 600 ok, 200 failed");
        assertThat(runsOf(emulator, "Orchestration/Flow")).singleElement()
                .extracting(EmulatedRun::state).isEqualTo("SUCCEEDED");
    }

    @Test
    void theJsonRunObjectCarriesSubtasksAsRunObjects() {
        JsonNode run = only(runTask("Orchestration/Returns Flow", "-o", "json", "--warning-ok"));
        assertThat(run.fieldNames()).toIterable().containsExactly("task", "runId", "state", "startTime", "endTime",
                "durationSeconds", "rows", "errorMessage", "exitCode", "subtasks");
        assertThat(run.get("task").get("type").asText()).isEqualTo("TASKFLOW");
        assertThat(run.get("task").get("path").asText()).isEqualTo("Orchestration/Returns Flow");
        assertThat(run.get("task").get("federatedId").isTextual()).isTrue();
        assertThat(run.get("runId").isTextual()).isTrue();
        assertThat(run.get("runId").asText()).matches(RUN_ID);
        assertThat(run.get("state").asText()).isEqualTo("WARNING");
        assertThat(run.get("exitCode").asInt()).isZero();
        assertThat(run.get("rows").get("successTarget").asLong()).as("the steps' rows summed").isEqualTo(600 + 95);
        JsonNode subtasks = run.get("subtasks");
        assertThat(subtasks.isArray()).isTrue();
        assertThat(subtasks).hasSize(2);
        for (JsonNode subtask : subtasks) {
            assertThat(subtask.fieldNames()).toIterable().containsExactly("task", "runId", "state", "startTime",
                    "endTime", "durationSeconds", "rows", "errorMessage", "exitCode");
            assertThat(subtask.get("task").get("type").asText()).isEqualTo("MTT");
            assertThat(subtask.get("runId").isTextual()).isTrue();
            assertThat(subtask.get("startTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(subtask.get("endTime").isTextual()).isTrue();
            assertThat(subtask.get("durationSeconds").isIntegralNumber()).isTrue();
            assertThat(subtask.get("rows").get("successTarget").isIntegralNumber()).isTrue();
            assertThat(subtask.get("exitCode").isInt()).isTrue();
        }
        assertThat(subtasks.get(0).get("task").get("name").asText()).isEqualTo("Load Orders");
        assertThat(subtasks.get(0).get("task").get("path").asText()).isEqualTo("Sales/Load Orders");
        assertThat(subtasks.get(0).get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(subtasks.get(0).get("errorMessage").isNull()).isTrue();
        assertThat(subtasks.get(1).get("task").get("name").asText()).isEqualTo("Load Returns");
        assertThat(subtasks.get(1).get("state").asText()).isEqualTo("WARNING");
        assertThat(subtasks.get(1).get("exitCode").asInt()).as("--warning-ok applies to steps too").isZero();
        assertThat(subtasks.get(1).get("rows").get("failedTarget").asLong()).isEqualTo(5);
        assertThat(subtasks.get(1).get("errorMessage").asText()).isEqualTo("5 rows were rejected");
    }

    @Test
    void aChildWithWarningsExitsThree() {
        CliRun.Result result = runTask("Orchestration/Returns Flow");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).contains("WARNING").contains("Load Returns (MTT): WARNING")
                .contains("error: 5 rows were rejected");
    }

    @Test
    void aFailedChildExitsOneAndNamesTheStep() {
        CliRun.Result result = runTask("Orchestration/Close Flow");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("FAILED").contains("error: Post Invoices failed: connection refused")
                .contains("Post Invoices (MTT): FAILED");
        JsonNode run = only(runTask("Orchestration/Close Flow", "-o", "json"));
        assertThat(run.get("exitCode").asInt()).isEqualTo(1);
        assertThat(run.get("subtasks").get(1).get("state").asText()).isEqualTo("FAILED");
        assertThat(run.get("subtasks").get(1).get("errorMessage").asText()).contains("connection refused");
    }

    @Test
    void aSuspendedRunExitsNineAndIsResumedByRetryingTheFaultedStep() {
        JsonNode suspended = only(runTask("Orchestration/Suspend Flow", "-o", "json"));
        assertThat(suspended.get("state").asText()).isEqualTo("SUSPENDED");
        assertThat(suspended.get("exitCode").asInt()).isEqualTo(9);
        assertThat(suspended.get("endTime").isNull()).isTrue();
        String runId = suspended.get("runId").asText();
        CliRun.Result text = cli.execute("status", "--run-id", runId);
        assertThat(text.exitCode()).as(text.toString()).isEqualTo(9);
        assertThat(text.out()).contains("Orchestration/Suspend Flow: run " + runId + " SUSPENDED")
                .contains("Post Invoices (MTT): FAILED");

        CliRun.Result resumed = cli.execute("resume", runId, "--poll", "100ms");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.err()).contains("resumed Orchestration/Suspend Flow run " + runId + ", retrying");
        assertThat(resumed.out()).contains("run " + runId + " SUCCEEDED").contains("Post Invoices (MTT): SUCCEEDED");
        assertThat(runsOf(emulator, "Orchestration/Suspend Flow")).singleElement()
                .extracting(EmulatedRun::state).isEqualTo("SUCCEEDED");
    }

    @Test
    void aSuspendedRunResumedWithSkipFaultedSkipsTheStep() {
        CliRun.Result first = runTask("Orchestration/Suspend Flow", "-o", "json");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(9);
        String runId = only(first).get("runId").asText();
        JsonNode resumed = only(json("resume", runId, "--skip-faulted", "--poll", "100ms"));
        assertThat(resumed.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(resumed.get("exitCode").asInt()).isZero();
        JsonNode skipped = resumed.get("subtasks").get(1);
        assertThat(skipped.get("task").get("name").asText()).isEqualTo("Post Invoices");
        assertThat(skipped.get("state").asText()).isEqualTo("STOPPED");

        CliRun.Result again = cli.execute("resume", runId);
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(2);
        assertThat(again.err()).contains("is SUCCEEDED, not SUSPENDED");
        CliRun.Result unknown = cli.execute("resume", "1234567890123456789");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no taskflow run 1234567890123456789");
    }

    @Test
    void aTaskflowStoppedWhileWaitedForExitsFour() throws Exception {
        CompletableFuture<CliRun.Result> waiting = CompletableFuture.supplyAsync(() -> runTask("Orchestration/Slow Flow"));
        awaitTaskflow("Orchestration/Slow Flow", "RUNNING");
        CliRun.Result stop = cli.execute("stop", "Orchestration/Slow Flow");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.err()).contains("asked IICS to terminate Orchestration/Slow Flow run ");
        CliRun.Result result = waiting.get(30, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.out()).containsPattern("Orchestration/Slow Flow: run " + RUN_ID + " STOPPED")
                .contains("terminated by user");
        CliRun.Result nothing = cli.execute("stop", "Orchestration/Slow Flow");
        assertThat(nothing.exitCode()).isZero();
        assertThat(nothing.err()).contains("nothing to stop");
    }

    @Test
    void stopByRunIdTerminatesThatRunAndWaits() {
        JsonNode started = only(runTask("Orchestration/Slow Flow", "--no-wait", "-o", "json"));
        assertThat(started.get("state").asText()).isEqualTo("STARTED");
        assertThat(started.get("exitCode").asInt()).isZero();
        String runId = started.get("runId").asText();
        JsonNode stopped = only(json("stop", "--run-id", runId, "--wait", "--poll", "100ms"));
        assertThat(stopped.get("state").asText()).isEqualTo("STOPPED");
        assertThat(stopped.get("exitCode").asInt()).isZero();
        assertThat(runsOf(emulator, "Orchestration/Slow Flow")).singleElement()
                .extracting(EmulatedRun::state).isEqualTo("FAILED");
        CliRun.Result clean = cli.execute("stop", "Orchestration/Slow Flow", "--clean");
        assertThat(clean.exitCode()).isEqualTo(2);
        CliRun.Result other = cli.execute("stop", "Orchestration/Flow", "--run-id", runId);
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.err()).contains("is a run of Orchestration/Slow Flow, not of Orchestration/Flow");
        CliRun.Result job = cli.execute("stop", "Sales/Load Orders", "--run-id", "1");
        assertThat(job.exitCode()).isEqualTo(2);
        assertThat(job.err()).contains("drop --run-id");
    }

    @Test
    void aTimeoutWithOnTimeoutStopTerminatesTheRun() {
        CliRun.Result result = runTask("Orchestration/Slow Flow", "--timeout", "300ms", "--on-timeout", "stop");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(result.out()).contains("TIMED_OUT");
        assertThat(result.err()).contains("timed out after 300ms; stopped it (--on-timeout stop)");
        assertThat(runsOf(emulator, "Orchestration/Slow Flow")).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo("FAILED");
            assertThat(r.errorMessage()).contains("terminated");
        });
    }

    @Test
    void aRunningTaskflowIsNotStartedAgainUnlessAsked() {
        assertThat(runTask("Orchestration/Slow Flow", "--no-wait").exitCode()).isZero();
        CliRun.Result again = runTask("Orchestration/Slow Flow");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(7);
        assertThat(again.err()).contains("already running");
        assertThat(runTask("Orchestration/Slow Flow", "--if-running", "start", "--no-wait").exitCode()).isZero();
        assertThat(runsOf(emulator, "Orchestration/Slow Flow")).hasSize(2);
    }

    @Test
    void aRunNameNamesTheRunAndTheRunIsStillFollowedAndFound() {
        JsonNode started = only(runTask("Orchestration/Slow Flow", "--no-wait", "--run-name", "nightly-7", "-o", "json"));
        String runId = started.get("runId").asText();
        // The status resource names the run by its custom name.
        assertThat(only(json("status", "--run-id", runId)).toString()).contains("Slow Flow-nightly-7-" + runId);
        // IICS names such a run <taskflow>-<name>-<runId>; status, stop and --if-running still know it.
        JsonNode status = only(json("status", "Orchestration/Slow Flow"));
        assertThat(status.get("runId").asText()).isEqualTo(runId);
        assertThat(runTask("Orchestration/Slow Flow").exitCode()).isEqualTo(7);
        CliRun.Result jobToo = runTask("Sales/Load Orders", "--run-name", "x");
        assertThat(jobToo.exitCode()).isEqualTo(2);
        assertThat(jobToo.err()).contains("--run-name names taskflow runs");
    }

    @Test
    void stopTerminatesSeveralRunsInOneCall() {
        assertThat(runTask("Orchestration/Slow Flow", "--no-wait").exitCode()).isZero();
        assertThat(runTask("Orchestration/Slow Flow", "--if-running", "start", "--no-wait").exitCode()).isZero();
        CliRun.Result stop = cli.execute("stop", "Orchestration/Slow Flow");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(emulator.requests().count("PUT /active-bpel/services/tf/terminate")).isEqualTo(1);
        assertThat(runsOf(emulator, "Orchestration/Slow Flow")).hasSize(2)
                .allSatisfy(r -> assertThat(r.errorMessage()).contains("terminated"));
    }

    @Test
    void anUnpublishedTaskflowExitsSevenSayingToPublishIt() {
        CliRun.Result result = runTask("Orchestration/Draft Flow");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
        assertThat(result.err()).contains("Draft_Flow").contains("publish the taskflow");
        assertThat(result.err().lines().count()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(runsOf(emulator, "Orchestration/Draft Flow")).isEmpty();
    }

    @Test
    void aCallerWithoutPermissionExitsSevenSayingWhatToDo() {
        emulator.addFault(FaultRule.status("POST", "/active-bpel/rt/Flow", 403));
        CliRun.Result result = runTask("Orchestration/Flow");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
        assertThat(result.err()).contains("Allowed Users").doesNotContain("Exception");
        assertThat(result.err().lines().count()).isEqualTo(1);
    }

    @Test
    void theStatusCallGoesToThePodHostRootWithTheSession() {
        CliRun.Result result = runTask("Orchestration/Flow");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<RecordedRequest> taskflowCalls = emulator.requests().recent().stream()
                .filter(r -> r.path().contains("active-bpel")).toList();
        assertThat(taskflowCalls).isNotEmpty().allSatisfy(r -> {
            assertThat(r.path()).startsWith("/active-bpel/").doesNotContain("/saas");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        });
        assertThat(emulator.requests().count("GET /active-bpel/services/tf/status/{runId}")).isPositive();
        assertThat(emulator.requests().count("POST /active-bpel/rt/{apiName}")).isEqualTo(1);
    }

    @Test
    void inputsFromPairsAndAJsonFileAreMergedAndSent() throws Exception {
        Path file = Files.writeString(home.resolve("inputs.json"), "{\"region\": \"US\", \"batch\": 7}");
        CliRun.Result result = runTask("Orchestration/Flow", "--input-json", file.toString(), "--input", "region=EU",
                "-v");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        String post = result.err().lines().filter(l -> l.contains("POST") && l.contains("/active-bpel/rt/Flow"))
                .findFirst().orElseThrow();
        assertThat(post).contains("\"region\":\"EU\"").contains("\"batch\":7").doesNotContain("US");

        Path bad = Files.writeString(home.resolve("bad.json"), "[1, 2]");
        CliRun.Result badFile = runTask("Orchestration/Flow", "--input-json", bad.toString());
        assertThat(badFile.exitCode()).isEqualTo(2);
        assertThat(badFile.err()).contains("bad.json").contains("one JSON object");
        CliRun.Result badPair = runTask("Orchestration/Flow", "--input", "region");
        assertThat(badPair.exitCode()).as(badPair.toString()).isEqualTo(2);
        assertThat(badPair.err()).contains("--input");
        assertThat(runsOf(emulator, "Orchestration/Flow")).hasSize(1);
    }

    @Test
    void statusHistoryAndLogsOfATaskflow() {
        String first = only(runTask("Orchestration/Flow", "-o", "json")).get("runId").asText();
        String second = only(runTask("Orchestration/Flow", "-o", "json")).get("runId").asText();

        JsonNode latest = only(json("status", "Orchestration/Flow"));
        assertThat(latest.get("runId").asText()).isEqualTo(second);
        assertThat(latest.get("subtasks")).hasSize(1);
        assertThat(only(json("status", "Orchestration/Flow", "--run-id", first)).get("runId").asText()).isEqualTo(first);

        List<JsonNode> history = jsonLines(json("history", "Orchestration/Flow"));
        assertThat(history).extracting(r -> r.get("runId").asText()).containsExactly(second, first);
        CliRun.Result table = cli.execute("history", "Orchestration/Flow");
        assertThat(table.out()).contains("2 recent runs").contains(first).contains(second);

        CliRun.Result logs = cli.execute("logs", "Orchestration/Flow", "--run-id", first);
        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        assertThat(logs.out()).contains("Load Orders");
        assertThat(logs.err()).contains("no session log of its own").contains("steps of Orchestration/Flow run " + first);
        JsonNode logJson = only(json("logs", "Orchestration/Flow"));
        assertThat(logJson.get("runId").asText()).isEqualTo(second);
        assertThat(logJson.get("log").asText()).contains("Load Orders");
    }

    @Test
    void logsSayPlainlyWhenIicsOffersNothing() {
        assertThat(runTask("Orchestration/Flow").exitCode()).isZero();
        emulator.addFault(FaultRule.status("GET", "/saas/api/v2/activity/activityLog", 200, "application/json", "[]"));
        CliRun.Result logs = cli.execute("logs", "Orchestration/Flow");
        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        assertThat(logs.out()).isEmpty();
        assertThat(logs.err()).contains("IICS offers no session log for Orchestration/Flow run");
        CliRun.Result none = cli.execute("logs", "Orchestration/Draft Flow");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no ended runs");
    }

    @Test
    void anApiNameGivenIsTheOneUsed() {
        CliRun.Result renamed = runTask("Orchestration/Returns Flow", "--api-name", "Returns Flow", "--warning-ok");
        assertThat(renamed.exitCode()).as(renamed.toString()).isZero();
        assertThat(emulator.requests().count("POST /active-bpel/rt/{apiName}")).isEqualTo(1);
        CliRun.Result wrong = runTask("Orchestration/Flow", "--api-name", "Flow-2");
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(7);
        assertThat(wrong.err()).contains("'Flow-2'");
        CliRun.Result two = runTask("Orchestration/Flow", "Orchestration/Slow Flow", "--api-name", "Flow");
        assertThat(two.exitCode()).isEqualTo(2);
        CliRun.Result byId = cli.execute("run", "--id", "0100000Z00000000009T", "-t", "TASKFLOW");
        assertThat(byId.exitCode()).isEqualTo(2);
        assertThat(byId.err()).contains("--api-name");
        assertThat(runsOf(emulator, "Orchestration/Flow")).isEmpty();
    }
}
