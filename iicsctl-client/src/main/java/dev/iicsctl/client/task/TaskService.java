package dev.iicsctl.client.task;

import java.util.List;

/**
 * Finds tasks. Obtain it with {@link dev.iicsctl.client.IicsClient#tasks()}.
 *
 * <p>Paths and federated ids go through the v3 lookup resource, one request each (a path without a type is
 * asked for as every runnable type in that one request); bare names and lists through the v3 objects resource:
 * one query naming every candidate type ({@code type=='MTT' or type=='DSS' ...}), or, when a server refuses
 * that filter, one without a filter; 200 objects a page.
 */
public interface TaskService {

    /**
     * Resolves a path ({@code Project/Folder/Name}, when the text contains {@code /}) or a bare task name.
     *
     * @param pathOrName a path or a name
     * @param type the task type, or {@code null} to search every runnable type
     * @return the task with its federated id, name, path and type (the v2 id is usually still unknown)
     * @throws dev.iicsctl.client.TaskNotFoundException when nothing matches, or a name matches several tasks
     *     (the exception lists them)
     */
    TaskRef resolve(String pathOrName, TaskType type);

    /**
     * Same as {@link #resolve(String, TaskType)} with no type.
     *
     * @param pathOrName a path or a name
     * @return the task
     */
    default TaskRef resolve(String pathOrName) {
        return resolve(pathOrName, null);
    }

    /**
     * Resolves a task by federated id (v3 lookup), filling in its path, name and type.
     *
     * @param federatedId the federated id
     * @param type the expected type, or {@code null} to take it from the lookup
     * @return the task
     * @throws dev.iicsctl.client.TaskNotFoundException when there is no such object, or it is not a runnable task
     */
    TaskRef byFederatedId(String federatedId, TaskType type);

    /**
     * Names a task by its v2 id. No call is made; the v2 job resource checks the id when the task is started.
     *
     * @param id the v2 id
     * @param type the task type (required by the job resource)
     * @return the reference
     */
    TaskRef byId(String id, TaskType type);

    /**
     * Lists runnable tasks.
     *
     * @param type only this type, or {@code null} for every runnable type
     * @param location only this folder or project, e.g. {@code Sales} or {@code Default/Sales}, or {@code null}
     * @return the tasks, sorted by path
     */
    List<TaskRef> list(TaskType type, String location);
}
