package dev.iicsctl.cli.command;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.run.TaskName;
import dev.iicsctl.client.task.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --id}, {@code --federated-id} and {@code -t/--type}: the ways to name a task besides TASK. */
public final class TaskSelector {
    @Option(names = "--id", paramLabel = "ID", description = "Name a task by its v2 id.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--federated-id", paramLabel = "ID", description = "Name a task by its federated (v3) id.")
    List<String> federatedIds = new ArrayList<>();

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE",
            description = "Task type: MTT, DSS, DRS, DMASK, PCS, WORKFLOW (linear taskflow) or TASKFLOW. "
                    + "Needed only when the name is ambiguous.")
    String type;

    /** The task type, checked. */
    public Optional<TaskType> type() {
        return Optional.ofNullable(type).map(TaskSelector::parseType);
    }

    /**
     * Parses a task type given on the command line.
     *
     * @throws CliException (exit 2) naming the valid types
     */
    public static TaskType parseType(String text) {
        try {
            return TaskType.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    /** Every task named, positional ones first; at least one. */
    public List<TaskName> all(List<String> positional) {
        Optional<TaskType> t = type();
        List<TaskName> names = new ArrayList<>();
        for (String text : positional) {
            if (text.isBlank()) {
                throw CliException.usage("empty TASK: give a task name, a path such as 'Sales/Load Orders', "
                        + "or use --id / --federated-id");
            }
            names.add(TaskName.of(text, t));
        }
        ids.forEach(id -> names.add(new TaskName(TaskName.Kind.ID, id, t)));
        federatedIds.forEach(id -> names.add(new TaskName(TaskName.Kind.FEDERATED_ID, id, t)));
        if (names.isEmpty()) {
            throw CliException.usage("no task given: name one as TASK (a name or a path such as "
                    + "'Sales/Load Orders'), or with --id or --federated-id");
        }
        return names;
    }

    /** Exactly one task. */
    public TaskName one(String positional) {
        List<TaskName> names = all(positional == null ? List.of() : List.of(positional));
        if (names.size() > 1) {
            throw CliException.usage("this command takes one task, got " + names.size() + ": " + names);
        }
        return names.get(0);
    }
}
