package dev.iicsctl.cli.command;

import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.completion.TaskPathCache;
import dev.iicsctl.cli.connect.Connection;
import dev.iicsctl.cli.output.TaskInfo;
import dev.iicsctl.cli.run.RunReports;
import dev.iicsctl.client.task.TaskType;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tasks [--type T] [--location FOLDER] [--name GLOB]}: runnable tasks with their ids and paths. */
@Command(name = "tasks", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List runnable tasks and taskflows with their paths and ids.", "",
            "The listing is remembered next to the session cache, so that shell completion can offer the task "
                    + "paths."},
        footer = {"  iicsctl tasks --type MTT --location Sales",
            "  iicsctl tasks --name 'Load*' -o json"})
public final class TasksCommand extends BaseCommand {

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE",
            description = "Only this type: MTT, DSS, DRS, DMASK, PCS, WORKFLOW or TASKFLOW.")
    String type;

    @Option(names = "--location", paramLabel = "FOLDER", description = "Only this project or folder, e.g. Sales.")
    String location;

    @Option(names = "--name", paramLabel = "GLOB", description = "Only names matching this pattern (* and ?).")
    String nameGlob;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        TaskType taskType = type == null ? null : TaskSelector.parseType(type);
        Pattern names = nameGlob == null ? null : glob(nameGlob);
        try (Connection connection = connect(this.connection)) {
            List<TaskInfo> tasks = connection.client().tasks().list(taskType, location).stream()
                    .filter(task -> names == null || (task.name() != null && names.matcher(task.name()).matches()))
                    .map(RunReports::task)
                    .toList();
            reporter().tasks(tasks);
            new TaskPathCache(env().cacheHome()).remember(tasks.stream().map(TaskInfo::label).toList());
            return ExitCode.OK;
        }
    }

    /** A shell-style pattern: {@code *} any text, {@code ?} one character, case-insensitive. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
