package dev.iicsctl.cli.output;

/**
 * A task as iicsctl reports it ({@code task} object of product contract 2.6).
 *
 * @param id the v2 id, may be null when unknown
 * @param federatedId the federated (v3) id, may be null when unknown
 * @param name the task name
 * @param path the project/folder path with the name, may be null when unknown
 * @param type the task type code ({@code MTT}, {@code DSS}, ..., {@code TASKFLOW})
 */
public record TaskInfo(String id, String federatedId, String name, String path, String type) {

    /** The label people read: the path when known, else the name, else an id (a task named by id only). */
    public String label() {
        for (String label : new String[] {path, name, federatedId, id}) {
            if (label != null && !label.isEmpty()) {
                return label;
            }
        }
        return type;
    }
}
