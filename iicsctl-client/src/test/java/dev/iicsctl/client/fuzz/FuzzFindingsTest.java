package dev.iicsctl.client.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.support.ControlApi;
import dev.iicsctl.client.support.TestCatalog;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import dev.iicsctl.emulator.junit5.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Answers found by {@link ResponseFuzzTest} that once made the client throw an untyped exception, kept as cases. */
@Timeout(30)
class FuzzFindingsTest {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.withCatalogYaml(TestCatalog.YAML);

    private IicsClient iics;
    private ControlApi control;

    @BeforeEach
    void setUp() {
        iics = TestCatalog.client(EMULATOR.get().loginUrl()).build();
        control = new ControlApi(EMULATOR.get().loginUrl());
    }

    @AfterEach
    void tearDown() {
        iics.close();
    }

    @Test
    void anObjectsEntryThatNamesNothingIsSkipped() {
        control.fault("{'method':'GET','path':'/saas/public/core/v3/objects','times':1,'action':'status','status':200,"
                + "'contentType':'application/json','body':'{\\'count\\':2,\\'objects\\':[{\\'count\\':-3,"
                + "\\'taskName\\':{}},{\\'id\\':\\'4JzMQBmn5YWbX1CCECivWK\\',\\'path\\':\\'Sales/Load Orders\\',"
                + "\\'type\\':\\'MTT\\'}]}'}");
        assertThat(iics.tasks().list(TaskType.MTT, null)).extracting(TaskRef::path).containsExactly("Sales/Load Orders");
    }
}
