package dev.iicsctl.cli.run;

import dev.iicsctl.client.task.TaskType;
import java.util.Optional;

/**
 * A task as named on the command line (product contract 2.3): a path when the text contains {@code /}, a name
 * otherwise, or an id given with {@code --id} / {@code --federated-id}.
 *
 * @param kind how the task is named
 * @param value the path, name or id
 * @param type the task type from {@code -t/--type}, if given
 */
public record TaskName(Kind kind, String value, Optional<TaskType> type) {

    /** How a task is named. */
    public enum Kind { PATH, NAME, ID, FEDERATED_ID }

    /** A positional TASK: a path when it contains a slash, otherwise a name. */
    public static TaskName of(String text, Optional<TaskType> type) {
        return new TaskName(text.contains("/") ? Kind.PATH : Kind.NAME, text, type);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ID -> "--id " + value;
            case FEDERATED_ID -> "--federated-id " + value;
            default -> value;
        };
    }
}
