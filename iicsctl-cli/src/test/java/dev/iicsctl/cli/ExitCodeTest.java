package dev.iicsctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCodeTest {

    @Test
    void worstFollowsTheDocumentedOrder() {
        List<Integer> order = List.of(8, 6, 1, 4, 9, 5, 3, 0);
        for (int i = 0; i < order.size(); i++) {
            for (int j = i; j < order.size(); j++) {
                assertThat(ExitCode.worst(List.of(order.get(j), order.get(i)))).isEqualTo(order.get(i));
            }
        }
    }

    @Test
    void noRunsIsSuccess() {
        assertThat(ExitCode.worst(List.of())).isZero();
    }

    @Test
    void helpListsEveryCode() {
        assertThat(ExitCode.HELP_LIST).extracting(line -> line.substring(0, line.indexOf(':')).trim())
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "130", "143");
    }
}
