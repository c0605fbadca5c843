package dev.iicsctl.client.internal.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.client.job.Rows;
import dev.iicsctl.client.job.RunState;
import dev.iicsctl.client.monitor.ActiveRun;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorSnapshotTest {

    private static ActiveRun entry(String taskId, String name, String type, long runId) {
        return new ActiveRun(taskId, name, type, runId, RunState.RUNNING, "RUNNING", null, Rows.NONE, null);
    }

    private static final List<ActiveRun> MONITOR = List.of(
            entry("ID-A", "Load Orders", "MTT", 3),
            entry("ID-A", "Load Orders", "MTT", 4),
            entry("ID-B", "Load Orders", "DSS", 1),       // same name, other type and id
            entry(null, "Load Orders", "MTT", 9),         // an entry without a task id: only the name can match
            entry("ID-C", "Sync Accounts", "DSS", 2),
            entry("ID-D", null, "MTT", 5));

    @Test
    void findsTheSameRunsAsAScanOfTheWholeMonitor() {
        MonitorSnapshot snapshot = new MonitorSnapshot(MONITOR);
        List<TaskRef> tasks = List.of(
                new TaskRef("ID-A", null, "Load Orders", null, TaskType.MTT),
                new TaskRef("ID-A", null, null, null, TaskType.MTT),
                new TaskRef(null, "fed", "Load Orders", null, TaskType.MTT),
                new TaskRef(null, "fed", "Load Orders", null, TaskType.DSS),
                new TaskRef("ID-B", null, "Load Orders", null, TaskType.DSS),
                new TaskRef("ID-D", null, "Other", null, TaskType.MTT),
                new TaskRef("ID-X", null, "Sync Accounts", null, TaskType.DSS),
                new TaskRef(null, "fed", "Nothing", null, TaskType.MTT));
        for (TaskRef task : tasks) {
            assertThat(snapshot.runsOf(task)).as(task.toString()).isEqualTo(RunLookup.runsOf(task, MONITOR));
        }
    }

    @Test
    void newestRunComesFirst() {
        List<ActiveRun> runs = new MonitorSnapshot(MONITOR).runsOf(new TaskRef("ID-A", null, "Load Orders", null,
                TaskType.MTT));
        assertThat(runs).extracting(ActiveRun::runId).containsExactly(9L, 4L, 3L);
    }
}
