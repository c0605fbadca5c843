package dev.iicsctl.cli.command;

import static dev.iicsctl.cli.TestCatalog.runsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import dev.iicsctl.cli.TestCatalog;
import dev.iicsctl.emulator.EmulatedRun;
import dev.iicsctl.emulator.fault.FaultRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunCommandTest extends EmulatorTestBase {

    private CliRun.Result run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--poll";
        all[args.length + 2] = "100ms";
        return cli.execute(all);
    }

    private static JsonNode json(String line) throws Exception {
        return new ObjectMapper().readTree(line);
    }

    @Test
    void successWaitsForTheEndAndExitsZero() {
        CliRun.Result result = run("Sales/Load Orders");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Sales/Load Orders: run 1 SUCCEEDED")
                .contains("source 800 ok, 0 failed; target 600 ok, 200 failed");
        assertThat(result.err()).contains("Sales/Load Orders run 1: SUCCEEDED").doesNotContain("Exception");
        assertThat(runsOf(emulator, "Sales/Load Orders")).singleElement()
                .extracting(EmulatedRun::state).isEqualTo("SUCCEEDED");
    }

    @Test
    void aLostAnswerToTheStartStillStartsTheJobOnce() {
        emulator.addFault(FaultRule.dropAfter("POST", "/saas/api/v2/job").times(1));
        CliRun.Result result = run("Sales/Load Orders");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Sales/Load Orders: run 1 SUCCEEDED");
        assertThat(runsOf(emulator, "Sales/Load Orders")).hasSize(1);
    }

    @Test
    void aTaskNameWithoutSlashIsResolvedByName() {
        CliRun.Result result = run("Load Returns");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).contains("WARNING").contains("5 rows were rejected");
    }

    @Test
    void warningsExitThreeOrZeroWithWarningOk() {
        assertThat(run("Sales/Load Returns").exitCode()).isEqualTo(3);
        assertThat(run("Sales/Load Returns", "--warning-ok").exitCode()).isZero();
    }

    @Test
    void aFailedRunExitsOneAndSavesItsLogs() throws Exception {
        Path logs = home.resolve("logs");
        CliRun.Result result = run("Finance/Post Invoices", "--logs-on-failure", logs.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("FAILED").contains("error: Connection refused");
        try (var files = Files.list(logs)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).anyMatch(n -> n.endsWith(".log"));
        }
        assertThat(result.err()).contains("saved").contains(logs.toString());
    }

    @Test
    void aRunStoppedWhileWaitedForExitsFour() throws Exception {
        CompletableFuture<CliRun.Result> waiting = CompletableFuture.supplyAsync(() -> run("Sales/Long Load"));
        emulator.awaitRun("Sales/Long Load", TestCatalog.WAIT, "RUNNING");
        assertThat(cli.execute("stop", "Sales/Long Load").exitCode()).isZero();
        CliRun.Result result = waiting.get(30, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.out()).contains("Sales/Long Load: run 1 STOPPED");
    }

    @Test
    void jsonOutputIsExactlyOneRunObjectPerLine() throws Exception {
        CliRun.Result result = run("Sales/Load Orders", "-o", "json");
        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).hasSize(1);
        JsonNode run = json(result.outLines().get(0));
        assertThat(run.fieldNames()).toIterable().containsExactly("task", "runId", "state", "startTime", "endTime",
                "durationSeconds", "rows", "errorMessage", "exitCode");
        assertThat(run.get("task").get("id").asText()).isEqualTo("0100000Z00000000001N");
        assertThat(run.get("task").get("federatedId").asText()).isEqualTo("4JzMQBmn5YWbX1CCECivWK");
        assertThat(run.get("task").get("name").asText()).isEqualTo("Load Orders");
        assertThat(run.get("task").get("path").asText()).isEqualTo("Sales/Load Orders");
        assertThat(run.get("task").get("type").asText()).isEqualTo("MTT");
        assertThat(run.get("runId").isIntegralNumber()).isTrue();
        assertThat(run.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.get("startTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(run.get("endTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(run.get("durationSeconds").isIntegralNumber()).isTrue();
        assertThat(run.get("rows").get("successTarget").asLong()).isEqualTo(600);
        assertThat(run.get("rows").get("failedTarget").asLong()).isEqualTo(200);
        assertThat(run.get("errorMessage").isNull()).isTrue();
        assertThat(run.get("exitCode").asInt()).isZero();
    }

    @Test
    void noWaitReturnsOnceStarted() throws Exception {
        CliRun.Result result = run("Sales/Long Load", "--no-wait", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode run = json(result.outLines().get(0));
        assertThat(run.get("state").asText()).isEqualTo("STARTED");
        assertThat(run.get("runId").asLong()).isEqualTo(1);
        assertThat(runsOf(emulator, "Sales/Long Load")).singleElement()
                .extracting(EmulatedRun::endTimeUtc).isNull();
    }

    @Test
    void timeoutLeavesTheJobRunningByDefault() throws Exception {
        CliRun.Result result = run("Sales/Long Load", "--timeout", "1s", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(json(result.outLines().get(0)).get("state").asText()).isEqualTo("TIMED_OUT");
        assertThat(json(result.outLines().get(0)).get("exitCode").asInt()).isEqualTo(5);
        assertThat(result.err()).contains("left running");
        assertThat(runsOf(emulator, "Sales/Long Load")).singleElement()
                .satisfies(r -> assertThat(r.state()).isIn("QUEUED", "RUNNING"));
    }

    @Test
    void timeoutWithOnTimeoutStopStopsTheJob() throws Exception {
        CliRun.Result result = run("Sales/Long Load", "--timeout", "1s", "--on-timeout", "stop");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(result.out()).contains("TIMED_OUT");
        assertThat(result.err()).contains("timed out after 1s; stopped it");
        assertThat(emulator.awaitRun("Sales/Long Load", TestCatalog.WAIT, "STOPPING", "STOPPED").state()).isIn("STOPPING", "STOPPED");
    }

    @Test
    void ifRunningFailExitsSevenAndStartsNothing() throws Exception {
        startElsewhere("Sales/Long Load");
        CliRun.Result result = run("Sales/Long Load");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
        assertThat(result.err()).contains("already running");
        assertThat(runsOf(emulator, "Sales/Long Load")).hasSize(1);
    }

    @Test
    void ifRunningAttachFollowsTheRunningRun() throws Exception {
        startElsewhere("Sales/Long Load");
        CliRun.Result result = run("Sales/Long Load", "--if-running", "attach", "--timeout", "1s", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(json(result.outLines().get(0)).get("runId").asLong()).isEqualTo(1);
        assertThat(runsOf(emulator, "Sales/Long Load")).hasSize(1);
    }

    @Test
    void ifRunningWaitStartsAfterTheRunningRunEnds() throws Exception {
        startElsewhere("Sales/Load Orders");
        CliRun.Result result = run("Sales/Load Orders", "--if-running", "wait", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(json(result.outLines().get(0)).get("runId").asLong()).isEqualTo(2);
        assertThat(result.err()).contains("waiting for it to end before starting");
        List<EmulatedRun> runs = runsOf(emulator, "Sales/Load Orders");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1).startTimeUtc()).isAfterOrEqualTo(runs.get(0).endTimeUtc());
    }

    @Test
    void ifRunningStartStartsAnyway() throws Exception {
        startElsewhere("Sales/Long Load");
        CliRun.Result result = run("Sales/Long Load", "--if-running", "start", "--no-wait", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(runsOf(emulator, "Sales/Long Load")).hasSize(2);
    }

    @Test
    void severalTasksInParallelGiveTheWorstExitCode() throws Exception {
        long started = System.nanoTime();
        CliRun.Result result = run("Sales/Load Orders", "Sales/Load Returns", "Finance/Post Invoices",
                "--parallel", "3", "-o", "json");
        long polls = java.time.Duration.ofNanos(System.nanoTime() - started).toMillis() / 100;
        // One shared watcher: a single activity monitor call per 100 ms interval for all three runs, where a
        // poller per run would make three; besides, each task is checked for a running job twice (before anything
        // starts, and by its start).
        assertThat(emulator.requests().count("GET /saas/api/v2/activity/activityMonitor"))
                .isLessThanOrEqualTo(polls + 3 + 3 + 1);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.outLines()).hasSize(3);
        List<String> states = result.outLines().stream().map(line -> {
            try {
                return json(line).get("state").asText();
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).toList();
        assertThat(states).containsExactlyInAnyOrder("SUCCEEDED", "WARNING", "FAILED");
        List<EmulatedRun> runs = emulator.runs();
        assertThat(runs).hasSize(3);
        // All three ran at once: each started before any of them ended.
        var lastStart = runs.stream().map(EmulatedRun::startTimeUtc).max(Comparable::compareTo).orElseThrow();
        var firstEnd = runs.stream().map(EmulatedRun::endTimeUtc).min(Comparable::compareTo).orElseThrow();
        assertThat(lastStart).isBefore(firstEnd);
    }

    @Test
    void aTimeoutInParallelAppliesToEachTask() throws Exception {
        CliRun.Result result = run("Sales/Long Load", "Sales/Load Orders", "--parallel", "2", "--timeout", "1s",
                "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(result.outLines()).hasSize(2);
        assertThat(json(result.outLines().get(0)).get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(json(result.outLines().get(1)).get("state").asText()).isEqualTo("TIMED_OUT");
        assertThat(json(result.outLines().get(1)).get("task").get("path").asText()).isEqualTo("Sales/Long Load");
    }

    @Test
    void severalTasksRunOneAfterAnotherByDefault() {
        CliRun.Result result = run("Sales/Load Orders", "Sales/Load Returns");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        List<EmulatedRun> runs = emulator.runs();
        assertThat(runs).extracting(EmulatedRun::taskPath).containsExactly("Sales/Load Orders", "Sales/Load Returns");
        assertThat(runs.get(1).startTimeUtc()).isAfterOrEqualTo(runs.get(0).endTimeUtc());
    }

    @Test
    void anAlreadyRunningTaskAmongSeveralIsReportedBeforeAnythingStarts() throws Exception {
        startElsewhere("Sales/Long Load");
        CliRun.Result result = run("Sales/Load Orders", "Sales/Long Load");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
        assertThat(runsOf(emulator, "Sales/Load Orders")).isEmpty();
    }

    @Test
    void tasksCanBeNamedByIdAndFederatedId() {
        CliRun.Result byId = run("--id", "0100000Z00000000001N", "-t", "MTT");
        assertThat(byId.exitCode()).as(byId.toString()).isZero();
        CliRun.Result byFederatedId = run("--federated-id", "4JzMQBmn5YWbX1CCECivWK");
        assertThat(byFederatedId.exitCode()).as(byFederatedId.toString()).isZero();
        assertThat(runsOf(emulator, "Sales/Load Orders")).hasSize(2);
    }

    @Test
    void aLinearTaskflowRunsLikeATask() {
        CliRun.Result result = run("Sales/Nightly", "-t", "workflow");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Sales/Nightly: run 1 SUCCEEDED");
    }

    @Test
    void anAmbiguousNameListsTheCandidatesWithTheirPaths() {
        CliRun.Result result = run("Load Orders");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
        assertThat(result.err()).contains("Sales/Load Orders").contains("Finance/Load Orders");
        assertThat(result.err().lines().count()).isEqualTo(1);
        assertThat(emulator.runs()).isEmpty();
        // A name that two types share is narrowed by --type.
        assertThat(run("Reconcile Ledger").exitCode()).isEqualTo(7);
        assertThat(run("Reconcile Ledger", "-t", "DSS").exitCode()).isZero();
        assertThat(emulator.runs()).singleElement().extracting(EmulatedRun::taskPath)
                .isEqualTo("Finance/Reconcile Ledger");
    }

    @Test
    void aTaskflowRunsWithItsInputAndReportsItsSteps() throws Exception {
        Path input = Files.writeString(home.resolve("input.json"), "{\"region\": \"EU\", \"days\": 3}");
        CliRun.Result result = run("Orchestration/Flow", "--input", "mode=full", "--input-json", input.toString(),
                "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode flow = json(result.outLines().get(0));
        assertThat(flow.get("task").get("type").asText()).isEqualTo("TASKFLOW");
        assertThat(flow.get("runId").isTextual()).isTrue();
        assertThat(flow.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(flow.get("subtasks")).isNotEmpty();
        assertThat(flow.get("subtasks").get(0).get("task").get("name").asText()).isEqualTo("Load Orders");
        assertThat(emulator.runs()).anySatisfy(r -> assertThat(r.kind()).isEqualTo("taskflow"));
    }

    @Test
    void aSuspendedTaskflowExitsNine() {
        CliRun.Result result = run("Orchestration/Close Books");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(9);
        assertThat(result.out()).contains("SUSPENDED").contains("Post Invoices failed");
        assertThat(result.err()).contains("is suspended");
    }

    @Test
    void aFailedTaskflowExitsOneAndNoWaitGivesItsRunId() throws Exception {
        assertThat(run("Orchestration/Broken Flow").exitCode()).isEqualTo(1);
        CliRun.Result started = run("Orchestration/Flow", "--no-wait", "-o", "json");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        assertThat(json(started.outLines().get(0)).get("state").asText()).isEqualTo("STARTED");
        assertThat(json(started.outLines().get(0)).get("runId").asText()).matches("\\d+");
    }

    @Test
    void aTaskflowThatTimesOutIsTerminatedWithOnTimeoutStop() throws Exception {
        CliRun.Result result = run("Orchestration/Slow Flow", "--timeout", "1s", "--on-timeout", "stop", "-o", "json");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(json(result.outLines().get(0)).get("state").asText()).isEqualTo("TIMED_OUT");
        assertThat(result.err()).contains("stopped it");
        assertThat(runsOf(emulator, "Orchestration/Slow Flow")).singleElement()
                .satisfies(r -> assertThat(r.state()).isNotEqualTo("RUNNING"));
    }

    @Test
    void tasksAndTaskflowsRunTogether() {
        CliRun.Result result = run("Sales/Load Orders", "Orchestration/Close Books", "--parallel", "2");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(9);
        assertThat(result.out()).contains("Sales/Load Orders: run 1 SUCCEEDED").contains("SUSPENDED");
    }

    @Test
    void inputFieldsAreRefusedForTasks() throws Exception {
        CliRun.Result result = run("Sales/Load Orders", "--input", "region=EU");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--input");
        Path bad = Files.writeString(home.resolve("input.json"), "{not json");
        CliRun.Result badJson = run("Sales/Load Orders", "--input-json", bad.toString());
        assertThat(badJson.exitCode()).isEqualTo(2);
        assertThat(badJson.err()).contains("--input-json").contains("input.json");
        assertThat(emulator.runs()).isEmpty();
    }

    @Test
    void aParameterFileIsAccepted() throws Exception {
        Path har = home.resolve("start.har");
        CliRun.Result result = run("Sales/Load Orders", "--param-file", "orders.param", "--param-dir", "/params",
                "--trace-file", har.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(emulator.requests().count("POST /saas/api/v2/job")).as("one start reached IICS").isEqualTo(1);
        // The emulator's request log keeps no bodies (a login's holds the password): the trace holds the start's.
        List<JsonNode> starts = new ArrayList<>();
        for (JsonNode entry : new ObjectMapper().readTree(har.toFile()).path("log").path("entries")) {
            if (entry.path("request").path("method").asText().equals("POST")
                    && entry.path("request").path("url").asText().endsWith("/saas/api/v2/job")) {
                starts.add(json(entry.path("request").path("postData").path("text").asText()));
            }
        }
        assertThat(starts).singleElement().satisfies(start -> {
            assertThat(start.path("runtime").path("@type").asText()).isEqualTo("mtTaskRuntime");
            assertThat(start.path("runtime").path("parameterFileName").asText()).isEqualTo("orders.param");
            assertThat(start.path("runtime").path("parameterFileDir").asText()).isEqualTo("/params");
        });
        assertThat(run("Sales/Load Orders", "--param-dir", "/params").exitCode()).isEqualTo(2);
    }

    @Test
    void progressIsOneLinePerStateChangeWhenStderrIsNotATerminal() {
        CliRun.Result result = run("Sales/Load Orders");
        List<String> lines = result.err().lines().toList();
        assertThat(lines).allMatch(line -> line.matches("\\S+Z Sales/Load Orders run 1: \\w+.*"));
        assertThat(lines.stream().map(l -> l.replaceAll(".*run 1: (\\w+).*", "$1")).distinct().count())
                .isEqualTo(lines.size());
        assertThat(result.err()).doesNotContain("\u001b[");
    }

    @Test
    void aSecondCommandCanFollowWhileTheFirstWaits() throws Exception {
        CompletableFuture<CliRun.Result> first = CompletableFuture.supplyAsync(() -> run("Sales/Load Orders"));
        emulator.awaitRun("Sales/Load Orders", TestCatalog.WAIT, "QUEUED", "RUNNING", "SUCCEEDED");
        CliRun.Result status = cli.execute("status", "Sales/Load Orders");
        assertThat(status.exitCode()).isZero();
        assertThat(first.get().exitCode()).isZero();
    }
}
