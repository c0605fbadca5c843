package dev.iicsctl.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import dev.iicsctl.emulator.fault.FaultRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One 500 or garbled answer on a safe request of {@code run} is retried: the run succeeds (exit 0, not 8). */
class TransientErrorsTest extends EmulatorTestBase {

    @ParameterizedTest
    @CsvSource({
        "POST, /ma/api/v2/user/login, 500",
        "POST, /ma/api/v2/user/login, malformed",
        "POST, /saas/public/core/v3/lookup, 500",
        "POST, /saas/public/core/v3/lookup, malformed",
        "GET, /saas/api/v2/activity/activityMonitor, 500",
        "GET, /saas/api/v2/activity/activityLog, 500"})
    void oneTransientErrorBeforeOrAfterTheStartIsAbsorbed(String method, String path, String action) {
        FaultRule rule = action.equals("500") ? FaultRule.status(method, path, 500) : FaultRule.malformed(method, path);
        emulator.addFault(rule.times(1));
        CliRun.Result result = runTask("Sales/Load Orders");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(emulator.requests().faults()).as("the fault was hit").isNotEmpty();
        assertThat(emulator.runs()).hasSize(1);
    }
}
