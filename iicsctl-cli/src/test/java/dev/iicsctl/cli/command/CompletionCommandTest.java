package dev.iicsctl.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
    @TempDir
    Path home;

    @Test
    void bashScriptKnowsEveryCommandAndRunOption() {
        CliRun.Result result = new CliRun(home).execute("completion", "bash");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("#!/usr/bin/env bash").contains("complete -F")
                .contains("run").contains("history").contains("--if-running").contains("--on-timeout");
    }

    @Test
    void zshScriptLoadsBashCompletion() {
        CliRun.Result result = new CliRun(home).execute("completion", "zsh");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("autoload -U +X compinit").contains("bashcompinit");
    }

    @Test
    void otherShellsAreAUsageError() {
        CliRun.Result result = new CliRun(home).execute("completion", "fish");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("bash, zsh");
    }
}
