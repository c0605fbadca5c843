package dev.iicsctl.cli.run;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.TaskNotFoundException;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds the task a {@link TaskName} means (product contract 2.3), and suggests the closest when none matches. */
public final class TaskResolver {
    private final IicsClient client;
    private final List<String> positional;

    public TaskResolver(IicsClient client) {
        this(client, List.of());
    }

    /**
     * @param positional the TASK arguments as given, so that an unquoted name with spaces (several arguments) can
     *     be recognised
     */
    public TaskResolver(IicsClient client, List<String> positional) {
        this.client = client;
        this.positional = List.copyOf(positional);
    }

    /**
     * @throws CliException (exit 2) when {@code --id} has no type
     * @throws TaskNotFoundException when nothing or several tasks match; a path or name not found names the
     *     closest existing ones, or says to quote a name with spaces
     */
    public TaskRef resolve(TaskName name) {
        TaskType type = name.type().orElse(null);
        return switch (name.kind()) {
            case PATH, NAME -> {
                try {
                    yield client.tasks().resolve(name.value(), type);
                } catch (TaskNotFoundException e) {
                    throw e.reason() == TaskNotFoundException.Reason.NOT_FOUND ? withHint(e, name) : e;
                }
            }
            case FEDERATED_ID -> client.tasks().byFederatedId(name.value(), type);
            case ID -> {
                if (type == null) {
                    throw CliException.usage("--id " + name.value() + " needs the task type: add -t/--type "
                            + "(MTT, DSS, DRS, DMASK, PCS or WORKFLOW)");
                }
                yield client.tasks().byId(name.value(), type);
            }
        };
    }

    private TaskNotFoundException withHint(TaskNotFoundException notFound, TaskName name) {
        List<TaskRef> tasks;
        try {
            tasks = client.tasks().list(name.type().orElse(null), null);
        } catch (RuntimeException e) {
            return notFound; // the hint is a convenience; the error stands without it
        }
        boolean byPath = name.kind() == TaskName.Kind.PATH;
        int index = positional.indexOf(name.value());
        Optional<String> joined = index < 0 ? Optional.empty()
                : TaskSuggestions.joined(positional, index, byPath, tasks);
        String hint;
        if (joined.isPresent()) {
            hint = "; a name with spaces must be quoted: \"" + joined.get() + "\"";
        } else {
            List<String> closest = TaskSuggestions.closest(name.value(), byPath, tasks);
            if (closest.isEmpty()) {
                return notFound;
            }
            hint = "; did you mean " + closest.stream().map(c -> "'" + c + "'").collect(Collectors.joining(" or "))
                    + "?";
        }
        return new TaskNotFoundException(notFound.reason(), notFound.getMessage() + hint, List.of());
    }
}
