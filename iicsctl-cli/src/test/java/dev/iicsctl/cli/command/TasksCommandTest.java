package dev.iicsctl.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;

class TasksCommandTest extends EmulatorTestBase {

    @Test
    void listsRunnableTasksWithIdsAndPaths() {
        CliRun.Result result = cli.execute("tasks");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Sales/Load Orders").contains("4JzMQBmn5YWbX1CCECivWK")
                .contains("Sales/Nightly").contains("Orchestration/Flow");
    }

    @Test
    void filtersByTypeLocationAndName() {
        List<JsonNode> mtt = jsonLines(cli.execute("tasks", "--type", "MTT", "-o", "json"));
        assertThat(mtt).isNotEmpty().allSatisfy(t -> assertThat(t.get("type").asText()).isEqualTo("MTT"));
        List<JsonNode> finance = jsonLines(cli.execute("tasks", "--location", "Finance", "-o", "json"));
        assertThat(finance).extracting(t -> t.get("path").asText())
                .containsExactlyInAnyOrder("Finance/Post Invoices", "Finance/Load Orders", "Finance/Reconcile Ledger");
        List<JsonNode> named = jsonLines(cli.execute("tasks", "--name", "load*", "-o", "json"));
        assertThat(named).extracting(t -> t.get("path").asText())
                .containsExactlyInAnyOrder("Sales/Load Orders", "Sales/Load Customers", "Sales/Load Returns",
                        "Finance/Load Orders");
        assertThat(named.get(0).fieldNames()).toIterable().containsExactly("id", "federatedId", "name", "path", "type");
    }

    @Test
    void aBadTypeIsAUsageError() {
        CliRun.Result result = cli.execute("tasks", "--type", "FOLDER");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("FOLDER").contains("MTT");
    }
}
