package dev.iicsctl.emulator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

    @Test
    void demoCatalogHasEveryRunnableTypeWarningsFailuresAndTaskflows() {
        Catalog demo = Catalog.demo();
        Set<CatalogTaskType> types = demo.tasks().stream().map(CatalogTask::type).collect(Collectors.toSet());
        assertThat(types).isEqualTo(EnumSet.allOf(CatalogTaskType.class));
        assertThat(demo.tasks()).anyMatch(t -> t.run().outcome() == Outcome.WARNING);
        assertThat(demo.tasks()).anyMatch(t -> t.run().outcome() == Outcome.FAILED);
        assertThat(demo.tasks()).filteredOn(t -> t.type() == CatalogTaskType.WORKFLOW).allMatch(t -> !t.children().isEmpty());
        assertThat(demo.taskflows()).anyMatch(f -> f.published() && f.run().outcome() == Outcome.SUCCESS);
        assertThat(demo.taskflows()).anyMatch(f -> f.published() && f.run().outcome() == Outcome.SUSPENDED);
        assertThat(demo.taskflows()).anyMatch(f -> !f.published());
        assertThat(demo.users()).singleElement().isEqualTo(CatalogUser.DEMO);
    }

    @Test
    void fullTaskEntryIsRead() {
        Catalog c = Catalog.fromYaml("""
                users:
                  - {username: ann@example.com, password: pw, org: Acme}
                tasks:
                  - path: Sales/Load Orders
                    type: mtt
                    id: 0100000Z00000000001N
                    federatedId: 4JzMQBmn5YWbX1CCECivWK
                    run:
                      duration: 3s
                      outcome: success
                      rows: {successSource: 800, failedSource: 0, successTarget: 800, failedTarget: 0}
                      errorMessage: null
                    runs:
                      - {duration: 1s, outcome: failed, errorMessage: "Connection refused"}
                    children: []
                """);
        CatalogTask t = c.taskByPath("Sales/Load Orders").orElseThrow();
        assertThat(t.type()).isEqualTo(CatalogTaskType.MTT);
        assertThat(t.name()).isEqualTo("Load Orders");
        assertThat(t.location()).isEqualTo("Sales");
        assertThat(t.scriptFor(1).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(t.scriptFor(1).errorMessage()).isEqualTo("Connection refused");
        assertThat(t.scriptFor(2).duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(t.scriptFor(2).rows().successTarget()).isEqualTo(800);
        assertThat(c.authenticate("ANN@example.com", "pw")).isPresent();
        assertThat(c.authenticate("ann@example.com", "PW")).isEmpty();
    }

    @Test
    void generatedIdsAreStableAcrossLoads() {
        String yaml = "tasks: [{path: A/B, type: DSS}]\ntaskflows: [{path: A/F}]";
        CatalogTask first = Catalog.fromYaml(yaml).tasks().get(0);
        CatalogTask again = Catalog.fromYaml(yaml).tasks().get(0);
        assertThat(first.id()).isEqualTo(again.id()).hasSize(20).startsWith("0100000Z");
        assertThat(first.federatedId()).isEqualTo(again.federatedId()).matches("[0-9A-Za-z]{22}");
        assertThat(Catalog.fromYaml(yaml).taskflows().get(0).apiName()).isEqualTo("F");
    }

    @Test
    void usersDefaultToTheDemoUserAndRunsToThreeSecondsOfSuccess() {
        Catalog c = Catalog.fromYaml("tasks: [{path: A/B, type: PCS}]");
        assertThat(c.users()).containsExactly(CatalogUser.DEMO);
        assertThat(c.tasks().get(0).run()).isEqualTo(RunScript.DEFAULT);
    }

    @Test
    void userToStringHidesThePassword() {
        assertThat(CatalogUser.DEMO.toString()).contains("demo@example.com").doesNotContain("demo-password");
    }

    @Test
    void validationMessagesNameTheProblem() {
        assertInvalid("tasks: [{path: A/B, type: XYZ}]", "unknown type 'XYZ'", "MTT, DSS");
        assertInvalid("tasks: [{path: A/B, type: MTT}, {path: A/B, type: DSS}]", "duplicate path 'A/B'");
        assertInvalid("tasks: [{path: A/W, type: WORKFLOW, children: [A/Missing]}]", "child path 'A/Missing'");
        assertInvalid("tasks: [{path: A/W, type: WORKFLOW}]", "needs 'children'");
        assertInvalid("tasks: [{path: A/B, type: MTT, children: [A/C]}]", "only a WORKFLOW");
        assertInvalid("tasks: [{path: A/B, type: MTT, run: {duration: soon}}]", "bad duration 'soon'");
        assertInvalid("tasks: [{path: A/B, type: MTT, run: {duration: 5}}]", "bad duration '5'");
        assertInvalid("tasks: [{path: A/B, type: MTT, run: {outcome: great}}]", "bad outcome 'great'", "success, warning, failed or not-started");
        assertInvalid("tasks: [{path: A/B, type: MTT, run: {outcome: suspended}}]", "bad outcome 'suspended'");
        assertInvalid("taskflows: [{path: A/F, run: {outcome: warning}}]", "bad outcome 'warning'", "success, failed or suspended");
        assertInvalid("taskflows: [{path: A/F, subtasks: [A/None]}]", "subtask path 'A/None'");
        assertInvalid("taskflows: [{path: A/F, run: {outcome: suspended}}]", "needs 'subtasks'");
        assertInvalid("tasks: [{path: A/B, type: MTT, colour: red}]", "unknown field 'colour'");
        assertInvalid("tasks: [{type: MTT}]", "'path' is missing");
        assertInvalid("tasks: [{path: A/B}]", "'type' is missing");
        assertInvalid("tasks: [{path: /A/B, type: MTT}]", "Project/Folder/Name");
        assertInvalid("tasks: [{path: A/B, type: MTT, id: X}, {path: A/C, type: MTT, id: X}]", "duplicate id 'X'");
        assertInvalid("taskflows: [{path: A/F, apiName: X}, {path: A/G, apiName: X}]", "duplicate apiName 'X'");
        assertInvalid("tasks: [{path: A/B, type: MTT, run: {rows: {successSource: -1}}}]", "rows.successSource");
        assertInvalid("taskflows: [{path: A/F, published: maybe}]", "'published' must be true or false");
        assertInvalid("tasks: {path: A/B}", "'tasks' must be a list");
        assertInvalid("tasks: [", "not valid YAML");
        assertInvalid("", "empty");
        assertInvalid("users: [{username: u}]", "'password' is missing");
    }

    private static void assertInvalid(String yaml, String... fragments) {
        assertThatThrownBy(() -> Catalog.fromYaml(yaml)).isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(fragments));
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("none.yaml");
        assertThatThrownBy(() -> Catalog.fromFile(missing)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("none.yaml").hasMessageContaining("cannot read");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "tasks: [{path: A/B, type: NOPE}]");
        assertThatThrownBy(() -> Catalog.fromFile(bad)).hasMessageContaining("bad.yaml").hasMessageContaining("NOPE");
        Path good = Files.writeString(dir.resolve("good.yaml"), "tasks: [{path: A/B, type: MTT}]");
        assertThat(Catalog.fromFile(good).tasks()).hasSize(1);
    }
}
