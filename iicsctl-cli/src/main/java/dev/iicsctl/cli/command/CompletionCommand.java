package dev.iicsctl.cli.command;

import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.completion.CompletionScripts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Prints a shell completion script generated from the command definitions. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for bash, zsh or fish.", "",
            "The script completes commands, options, their values, and task paths from the last 'iicsctl tasks' "
                    + "listing. The zsh script is a native one: source it, or save it as _iicsctl in a directory "
                    + "of $fpath; it runs compinit only when it has not been run."},
        footer = {"  source <(iicsctl completion bash)      # in ~/.bashrc",
            "  source <(iicsctl completion zsh)       # in ~/.zshrc",
            "  iicsctl completion fish > ~/.config/fish/completions/iicsctl.fish"})
public final class CompletionCommand extends BaseCommand {

    /** The shells supported. */
    public enum Shell { bash, zsh, fish }

    @Parameters(paramLabel = "bash|zsh|fish", description = "The shell.")
    Shell shell;

    @Override
    public Integer call() {
        CommandLine rootLine = spec().root().commandLine();
        String script = switch (shell) {
            case bash -> CompletionScripts.bash(rootLine);
            case zsh -> CompletionScripts.zsh(rootLine);
            case fish -> CompletionScripts.fish(rootLine);
        };
        out().print(script);
        out().flush();
        return ExitCode.OK;
    }
}
