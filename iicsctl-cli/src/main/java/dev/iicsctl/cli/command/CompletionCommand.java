package dev.iicsctl.cli.command;

import dev.iicsctl.cli.ExitCode;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Prints a shell completion script generated from the command definitions. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script.", "",
            "  bash: source <(iicsctl completion bash)     or save it to ~/.local/share/bash-completion/completions/iicsctl",
            "  zsh:  source <(iicsctl completion zsh)      (add the line to ~/.zshrc)"})
public final class CompletionCommand extends BaseCommand {

    /** The shells supported. */
    public enum Shell { bash, zsh }

    @Parameters(paramLabel = "bash|zsh", description = "The shell.")
    Shell shell;

    @Override
    public Integer call() {
        CommandLine rootLine = spec().root().commandLine();
        String script = AutoComplete.bash("iicsctl", rootLine);
        if (shell == Shell.zsh) {
            // picocli's script runs in zsh through bashcompinit.
            out().println("autoload -U +X compinit && compinit");
            out().println("autoload -U +X bashcompinit && bashcompinit");
        }
        out().print(script);
        out().flush();
        return ExitCode.OK;
    }
}
