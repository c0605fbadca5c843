package dev.iicsctl.cli.run;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.command.TaskName;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.task.TaskRef;
import dev.iicsctl.client.task.TaskType;

/** Finds the task a {@link TaskName} means (product contract 2.3). */
public final class TaskResolver {
    private final IicsClient client;

    public TaskResolver(IicsClient client) {
        this.client = client;
    }

    /**
     * Resolves a task that must be a job (a task or a linear taskflow): the commands that read the activity
     * monitor and log cannot follow taskflows.
     *
     * @throws CliException (exit 7) for a taskflow
     */
    public TaskRef resolveJob(TaskName name, String command) {
        TaskRef task = resolve(name);
        if (!task.type().isV2Job()) {
            throw new CliException(ExitCode.TASK_PROBLEM, task.displayName() + " is a taskflow: 'iicsctl " + command
                    + "' works on tasks and linear taskflows; follow a taskflow with 'iicsctl run'");
        }
        return task;
    }

    /**
     * @throws CliException (exit 2) when {@code --id} has no type
     * @throws dev.iicsctl.client.TaskNotFoundException when nothing or several tasks match
     */
    public TaskRef resolve(TaskName name) {
        TaskType type = name.type().orElse(null);
        return switch (name.kind()) {
            case PATH, NAME -> client.tasks().resolve(name.value(), type);
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
}
