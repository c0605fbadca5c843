package dev.iicsctl.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryCommandTest extends EmulatorTestBase {

    @Test
    void listsRecentRunsNewestFirstWithAChart() {
        for (int i = 0; i < 3; i++) {
            assertThat(runTask("Sales/Load Orders").exitCode()).isZero();
        }
        CliRun.Result result = cli.execute("history", "Sales/Load Orders");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("3 recent runs, newest first").containsPattern("durations.*[▁▂▃▄▅▆▇█]{3}");
        List<String> rows = result.outLines().stream().filter(l -> l.matches("\\d+ +SUCCEEDED.*")).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("3 ");
        assertThat(rows.get(2)).startsWith("1 ");
    }

    @Test
    void jsonIsOneRunObjectPerLineAndLimitApplies() {
        for (int i = 0; i < 3; i++) {
            runTask("Sales/Load Returns");
        }
        CliRun.Result result = cli.execute("history", "Sales/Load Returns", "--limit", "2", "-o", "json");
        assertThat(result.exitCode()).isZero();
        List<JsonNode> runs = jsonLines(result);
        assertThat(runs).hasSize(2);
        assertThat(runs).extracting(r -> r.get("runId").asLong()).containsExactly(3L, 2L);
        assertThat(runs).allSatisfy(r -> assertThat(r.get("exitCode").asInt()).isEqualTo(3));
        assertThat(cli.execute("history", "Sales/Load Returns", "--limit", "0").exitCode()).isEqualTo(2);
    }
}
