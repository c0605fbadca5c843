package dev.iicsctl.client.task;

import java.util.Objects;

/**
 * A task as far as it is known. A start uses the most specific identity present:
 * {@code federatedId}, then {@code id}, then {@code name}.
 *
 * @param id the v2 object id (e.g. {@code 0100000Z00000000001N}); may be {@code null} until a start reveals it
 * @param federatedId the v3 / federated id (e.g. {@code 4JzMQBmn5YWbX1CCECivWK}), or {@code null}
 * @param name the task name (the last part of the path); may be {@code null} when only an id is known
 * @param path {@code Project/Folder/Name}, or {@code null} when not known
 * @param type the task type, never {@code null}
 */
public record TaskRef(String id, String federatedId, String name, String path, TaskType type) {

    /**
     * Validates the values.
     *
     * @param id the v2 object id (e.g. {@code 0100000Z00000000001N}); may be {@code null} until a start reveals it
     * @param federatedId the v3 / federated id (e.g. {@code 4JzMQBmn5YWbX1CCECivWK}), or {@code null}
     * @param name the task name (the last part of the path); may be {@code null} when only an id is known
     * @param path {@code Project/Folder/Name}, or {@code null} when not known
     * @param type the task type, never {@code null}
     */
    public TaskRef {
        Objects.requireNonNull(type, "type");
        if (id == null && federatedId == null && name == null) {
            throw new IllegalArgumentException("a task needs an id, a federated id or a name");
        }
    }

    /**
     * @param id the v2 id
     * @param type the type
     * @return a reference by v2 id only
     */
    public static TaskRef ofId(String id, TaskType type) {
        return new TaskRef(Objects.requireNonNull(id, "id"), null, null, null, type);
    }

    /**
     * @param federatedId the federated id
     * @param type the type
     * @return a reference by federated id only
     */
    public static TaskRef ofFederatedId(String federatedId, TaskType type) {
        return new TaskRef(null, Objects.requireNonNull(federatedId, "federatedId"), null, null, type);
    }

    /**
     * @param newId the v2 id learned from a start or the activity monitor
     * @return a copy with the v2 id set (unchanged if {@code newId} is null)
     */
    public TaskRef withId(String newId) {
        return newId == null ? this : new TaskRef(newId, federatedId, name, path, type);
    }

    /**
     * @param newName the task name learned from the API (an entry's name; child entries have an empty one)
     * @return a copy with the name set if it was unknown
     */
    public TaskRef withNameIfMissing(String newName) {
        return name != null || newName == null || newName.isBlank() ? this
                : new TaskRef(id, federatedId, newName, path, type);
    }

    /**
     * @param entryId the v2 id an activity entry gives
     * @param entryName the task name it gives
     * @return a copy that knows both when it lacked them: a task named by id learns its name, and one named by
     *     path or federated id learns its v2 id
     */
    public TaskRef learnedFrom(String entryId, String entryName) {
        return withId(id == null ? entryId : null).withNameIfMissing(entryName);
    }

    /** @return the path if known, else the name, else an id: what to show a person */
    public String displayName() {
        if (path != null) {
            return path;
        }
        if (name != null) {
            return name;
        }
        return federatedId != null ? federatedId : id;
    }
}
