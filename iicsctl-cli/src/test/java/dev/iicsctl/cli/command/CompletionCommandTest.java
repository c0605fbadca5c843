package dev.iicsctl.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code completion bash|zsh|fish}: task paths complete from the last {@code tasks} listing, enum values in lower
 * case, a native zsh script that runs compinit only when it has not been run, and fish.
 */
class CompletionCommandTest extends EmulatorTestBase {

    private String script(String shell) {
        CliRun.Result result = cli.execute("completion", shell);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.out();
    }

    /** Sources the bash script and asks it to complete the words, as bash does on TAB. */
    private List<String> bashComplete(String... words) throws IOException, InterruptedException {
        Path script = Files.writeString(home.resolve("iicsctl.bash"), script("bash"));
        String line = String.join(" ", words);
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "source \"$0\"; COMP_WORDS=(" + array + "); COMP_CWORD="
                + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; _complete_iicsctl; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"", script.toString())
                .redirectErrorStream(true);
        // The user's shell: its cache directory is this test's, where 'tasks' left its listing.
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        Process bash = builder.start();
        bash.getOutputStream().close();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void bashCompletesTaskPathsFromTheLastTasksListing() throws Exception {
        CliRun.Result tasks = cli.execute("tasks");
        assertThat(tasks.exitCode()).as(tasks.toString()).isZero();
        Path cache = home.resolve("cache/iicsctl/task-paths");
        assertThat(Files.readAllLines(cache)).contains("Sales/Load Orders");
        assertThat(bashComplete("iicsctl", "run", "Sales/Load")).contains("Sales/Load\\ Orders");
        assertThat(bashComplete("iicsctl", "history", "Sales/")).contains("Sales/Load\\ Orders");
    }

    @Test
    void enumValuesCompleteInLowerCase() throws Exception {
        assertThat(bashComplete("iicsctl", "run", "--if-running", "")).contains("fail", "attach", "wait", "start")
                .doesNotContain("FAIL");
        assertThat(script("zsh")).contains("(fail attach wait start)");
        assertThat(script("fish")).contains("-l if-running -x -a 'fail attach wait start'");
    }

    @Test
    void zshGetsANativeScriptThatRunsCompinitOnlyWhenNeeded() {
        String zsh = script("zsh");
        assertThat(zsh).startsWith("#compdef iicsctl\n").contains("_arguments").contains("compdef _iicsctl iicsctl")
                .doesNotContain("bashcompinit");
        assertThat(zsh.lines().filter(l -> l.contains("compinit")))
                .allMatch(l -> l.contains("(( $+functions[compdef] )) ||"));
    }

    @Test
    void fishIsOffered() {
        String fish = script("fish");
        assertThat(fish).contains("complete -c iicsctl -n __fish_use_subcommand -a run -d ")
                .contains("-a '(__iicsctl_task_paths)'");
    }

    @Test
    void bashScriptKnowsEveryCommandAndRunOption() {
        assertThat(script("bash")).startsWith("#!/usr/bin/env bash").contains("complete -F")
                .contains("run").contains("history").contains("--if-running").contains("--on-timeout");
    }

    @Test
    void otherShellsAreAUsageError() {
        CliRun.Result result = cli.execute("completion", "tcsh");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("bash, zsh, fish");
    }
}
