package dev.iicsctl.client.internal.job;

import dev.iicsctl.client.task.TaskRef;

/**
 * Decides whether a monitor or log entry belongs to a task. With a v2 id the id decides; without one (a task
 * resolved by path only knows its federated id) the name and type must match, which cannot tell apart two
 * tasks of the same name and type in different folders.
 */
public final class TaskMatch {

    private TaskMatch() {
    }

    /**
     * @param task the task
     * @param entryTaskId the entry's task id ({@code taskId} or {@code objectId}), may be null
     * @param entryName the entry's task name ({@code taskName} or {@code objectName}), may be null
     * @param entryType the entry's type code, may be null
     * @return whether the entry is a run of the task
     */
    public static boolean matches(TaskRef task, String entryTaskId, String entryName, String entryType) {
        if (task.id() != null && entryTaskId != null) {
            return task.id().equals(entryTaskId);
        }
        return task.name() != null && task.name().equals(entryName)
                && (entryType == null || task.type().code().equalsIgnoreCase(entryType));
    }
}
