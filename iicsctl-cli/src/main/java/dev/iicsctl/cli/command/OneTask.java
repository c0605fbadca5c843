package dev.iicsctl.cli.command;

import dev.iicsctl.cli.run.TaskName;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The one task a command acts on: TASK, or {@code --id} / {@code --federated-id}, with {@code -t/--type}. */
public final class OneTask {

    @Parameters(paramLabel = "TASK", arity = "0..1", description = "A task path (Project/Folder/Name) or name.")
    String taskArg;

    @Mixin
    TaskSelector selector;

    /** Whether a task was named at all (TASK, --id or --federated-id). */
    public boolean isGiven() {
        return taskArg != null || !selector.ids.isEmpty() || !selector.federatedIds.isEmpty();
    }

    /** The task as named. */
    public TaskName name() {
        return selector.one(taskArg);
    }
}
