package dev.iicsctl.cli.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Shell completion scripts made from the command definitions, so that they always match the installed version:
 * commands, options, enum values in lower case, files where a file is expected, and task paths from the last
 * {@code tasks} listing ({@link TaskPathCache}).
 */
public final class CompletionScripts {
    /** The positional label whose values are task paths. */
    private static final String TASK = "TASK";
    private static final Pattern ENUM_VALUES = Pattern.compile("(local \\w+_option_args=\\()([^)]*)(\\))");
    private static final Pattern TASK_FUNCTION = Pattern.compile(
            "(function _picocli_iicsctl_(\\w+)\\(\\) \\{.*?)(\\n    local positionals=\"\")", Pattern.DOTALL);

    private CompletionScripts() {}

    /** picocli's bash script, with enum values in lower case and task paths for TASK. */
    public static String bash(CommandLine root) {
        String script = AutoComplete.bash("iicsctl", root);
        Matcher values = ENUM_VALUES.matcher(script);
        StringBuilder lower = new StringBuilder();
        while (values.find()) {
            values.appendReplacement(lower, Matcher.quoteReplacement(values.group(1)
                    + values.group(2).toLowerCase(Locale.ROOT) + values.group(3)));
        }
        values.appendTail(lower);
        Matcher functions = TASK_FUNCTION.matcher(lower);
        StringBuilder withTasks = new StringBuilder();
        while (functions.find()) {
            CommandLine sub = root.getSubcommands().get(functions.group(2));
            String hook = sub != null && takesTasks(sub)
                    ? "\n    if _iicsctl_complete_task \"${curr_word}\"; then return 0; fi" : "";
            functions.appendReplacement(withTasks, Matcher.quoteReplacement(functions.group(1) + hook
                    + functions.group(3)));
        }
        functions.appendTail(withTasks);
        return withTasks + """

                # Task paths of the last 'iicsctl tasks' listing, quoted for the shell.
                function _iicsctl_complete_task() {
                  local dir="${XDG_CACHE_HOME}"
                  [[ "${dir}" == /* ]] || dir="${HOME}/.cache"
                  local file="${dir}/iicsctl/%s" path
                  [[ -r "${file}" ]] || return 1
                  COMPREPLY=()
                  while IFS= read -r path; do
                    [[ "${path}" == "$1"* ]] && COMPREPLY+=("$(printf '%%q' "${path}")")
                  done < "${file}"
                  (( ${#COMPREPLY[@]} > 0 ))
                }
                """.formatted(TaskPathCache.FILE);
    }

    /** A native zsh script: source it, or save it as {@code _iicsctl} in a directory of {@code $fpath}. */
    public static String zsh(CommandLine root) {
        StringBuilder s = new StringBuilder("""
                #compdef iicsctl
                # zsh completion for iicsctl: source it, or save it as _iicsctl in a directory of $fpath.

                _iicsctl_task_paths() {
                  local dir=$XDG_CACHE_HOME
                  [[ $dir == /* ]] || dir=$HOME/.cache
                  local file=$dir/iicsctl/%s
                  [[ -r $file ]] || return 1
                  local -a paths
                  paths=("${(@f)$(<$file)}")
                  _wanted tasks expl 'task path' compadd -a paths
                }

                _iicsctl() {
                  local -a commands
                  commands=(
                """.formatted(TaskPathCache.FILE));
        root.getSubcommands().forEach((name, sub) ->
                s.append("    ").append(zshQuote(name + ":" + summary(sub))).append('\n'));
        s.append("""
                  )
                  if (( CURRENT == 2 )); then
                    _describe -t commands 'iicsctl command' commands
                    return
                  fi
                  local command=$words[2]
                  shift words
                  (( CURRENT-- ))
                  case $command in
                """);
        root.getSubcommands().forEach((name, sub) -> {
            s.append("    ").append(name).append(")\n      _arguments -s -S");
            for (String spec : zshSpecs(sub, root)) {
                s.append(" \\\n        ").append(spec);
            }
            s.append(" ;;\n");
        });
        s.append("""
                  esac
                }

                if [[ $funcstack[1] == _iicsctl ]]; then
                  _iicsctl "$@"
                else
                  (( $+functions[compdef] )) || { autoload -Uz compinit && compinit }
                  compdef _iicsctl iicsctl
                fi
                """);
        return s.toString();
    }

    /** A fish script: save it as {@code ~/.config/fish/completions/iicsctl.fish}, or source it. */
    public static String fish(CommandLine root) {
        StringBuilder s = new StringBuilder("""
                # fish completion for iicsctl: save it as ~/.config/fish/completions/iicsctl.fish
                function __iicsctl_task_paths
                    set -l dir $XDG_CACHE_HOME
                    string match -q -- '/*' "$dir"; or set dir $HOME/.cache
                    test -r $dir/iicsctl/%s; and cat $dir/iicsctl/%s
                end
                complete -c iicsctl -f
                """.formatted(TaskPathCache.FILE, TaskPathCache.FILE));
        root.getSubcommands().forEach((name, sub) -> s.append("complete -c iicsctl -n __fish_use_subcommand -a ")
                .append(name).append(" -d ").append(fishQuote(summary(sub))).append('\n'));
        root.getSubcommands().forEach((name, sub) -> {
            String when = " -n " + fishQuote("__fish_seen_subcommand_from " + name);
            for (OptionSpec option : sub.getCommandSpec().options()) {
                StringBuilder line = new StringBuilder("complete -c iicsctl").append(when);
                for (String n : option.names()) {
                    line.append(n.startsWith("--") ? " -l " + n.substring(2) : " -s " + n.substring(1));
                }
                List<String> values = values(option);
                if (takesValue(option)) {
                    line.append(values.isEmpty() ? (isFile(option) ? " -r -F" : " -x")
                            : " -x -a " + fishQuote(String.join(" ", values)));
                }
                s.append(line).append(" -d ").append(fishQuote(first(option.description()))).append('\n');
            }
            for (PositionalParamSpec positional : sub.getCommandSpec().positionalParameters()) {
                String values = TASK.equals(positional.paramLabel()) ? "(__iicsctl_task_paths)"
                        : String.join(" ", "COMMAND".equals(positional.paramLabel())
                                ? new ArrayList<>(root.getSubcommands().keySet()) : values(positional));
                if (!values.isEmpty()) {
                    s.append("complete -c iicsctl").append(when).append(" -a ").append(fishQuote(values))
                            .append('\n');
                }
            }
        });
        return s.toString();
    }

    private static List<String> zshSpecs(CommandLine sub, CommandLine root) {
        List<String> specs = new ArrayList<>();
        for (OptionSpec option : sub.getCommandSpec().options()) {
            String repeat = option.isMultiValue() ? "*" : "";
            String description = "[" + zshEscape(first(option.description())) + "]";
            for (String n : option.names()) {
                String value = "";
                if (takesValue(option)) {
                    List<String> values = values(option);
                    String action = !values.isEmpty() ? "(" + String.join(" ", values) + ")"
                            : isFile(option) ? (option.paramLabel().equals("DIR") ? "_files -/" : "_files") : " ";
                    value = (n.startsWith("--") ? "=" : "+") + description + ":" + zshEscape(option.paramLabel())
                            + ":" + action;
                    specs.add(zshQuote(repeat + n + value));
                } else {
                    specs.add(zshQuote(repeat + n + description));
                }
            }
        }
        for (PositionalParamSpec positional : sub.getCommandSpec().positionalParameters()) {
            String label = positional.paramLabel();
            String action = TASK.equals(label) ? "_iicsctl_task_paths"
                    : "COMMAND".equals(label) ? "(" + String.join(" ", root.getSubcommands().keySet()) + ")"
                    : values(positional).isEmpty() ? " " : "(" + String.join(" ", values(positional)) + ")";
            String repeat = positional.isMultiValue() ? "*" : "";
            specs.add(zshQuote(repeat + ":" + zshEscape(label.toLowerCase(Locale.ROOT)) + ":" + action));
        }
        return specs;
    }

    private static boolean takesTasks(CommandLine sub) {
        return sub.getCommandSpec().positionalParameters().stream().anyMatch(p -> TASK.equals(p.paramLabel()));
    }

    private static boolean takesValue(OptionSpec option) {
        return option.arity().max() > 0;
    }

    private static boolean isFile(OptionSpec option) {
        return List.of("FILE", "DIR", "PEM").contains(option.paramLabel())
                || option.type() == java.nio.file.Path.class;
    }

    /** Completion values of an option or parameter: its enum constants, in lower case as they are typed. */
    private static List<String> values(ArgSpec arg) {
        List<String> values = new ArrayList<>();
        if (arg.completionCandidates() != null) {
            arg.completionCandidates().forEach(v -> values.add(v.toLowerCase(Locale.ROOT)));
        }
        return values;
    }

    private static String summary(CommandLine sub) {
        var usage = sub.getCommandSpec().usageMessage();
        return first(usage.header().length > 0 ? usage.header() : usage.description());
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }

    private static String zshEscape(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:");
    }

    private static String zshQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String fishQuote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
