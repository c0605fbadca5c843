package dev.iicsctl.cli.run;

import dev.iicsctl.client.task.TaskRef;
import java.util.Optional;

/** What a start that IICS refused as "task not found" may try once instead. */
@FunctionalInterface
public interface TaskRefresh {
    /** Never another task: the refusal stands. */
    TaskRefresh NONE = refused -> Optional.empty();

    /**
     * @param refused the task whose start IICS refused as unknown (so nothing was started)
     * @return the task its name means now, when that may differ (it came from the resolution cache)
     * @throws dev.iicsctl.client.TaskNotFoundException when its name means no task any more
     */
    Optional<TaskRef> afresh(TaskRef refused);
}
