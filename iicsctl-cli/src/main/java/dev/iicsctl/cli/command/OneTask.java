package dev.iicsctl.cli.command;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The one task a command acts on: TASK, or {@code --id} / {@code --federated-id}, with {@code -t/--type}. */
public final class OneTask {

    @Parameters(paramLabel = "TASK", arity = "0..1", description = "A task path (Project/Folder/Name) or name.")
    String taskArg;

    @Mixin
    TaskSelector selector;

    /** The task as named. */
    public TaskName name() {
        return selector.one(taskArg);
    }
}
