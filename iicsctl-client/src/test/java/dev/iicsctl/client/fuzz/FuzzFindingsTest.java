package dev.iicsctl.client.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.support.EmulatedIics;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.emulator.Emulator;
import dev.iicsctl.emulator.fault.FaultRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Answers found by {@link ResponseFuzzTest} that once made the client throw an untyped exception, kept as cases. */
@Timeout(30)
class FuzzFindingsTest {

    @RegisterExtension
    static final EmulatedIics IICS = EmulatedIics.withCatalogYaml(TestCatalog.YAML);

    private final IicsClient iics = IICS.client();
    private final Emulator emulator = IICS.emulator();

    @Test
    void anObjectsEntryThatNamesNothingIsSkipped() {
        emulator.addFault(FaultRule.status("GET", "/saas/public/core/v3/objects", 200, "application/json",
                "{\"count\":2,\"objects\":[{\"count\":-3,\"taskName\":{}},{\"id\":\"4JzMQBmn5YWbX1CCECivWK\","
                        + "\"path\":\"Sales/Load Orders\",\"type\":\"MTT\"}]}").times(1));
        assertThat(iics.tasks().list(TaskType.MTT, null)).extracting(TaskRef::path).containsExactly("Sales/Load Orders");
    }
}
