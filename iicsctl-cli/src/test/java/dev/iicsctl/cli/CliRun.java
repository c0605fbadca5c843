package dev.iicsctl.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs iicsctl in-process through the real {@link Iicsctl#commandLine} factory and captures its exit code, stdout
 * and stderr.
 */
public final class CliRun {
    private final Map<String, String> env = new HashMap<>();
    private final Path home;
    private String stdin = "";
    private Terminals terminals = Terminals.none();
    private PasswordPrompt prompt = PasswordPrompt.none();

    /** A run with a private home: config and cache under {@code home}, nothing from the real environment. */
    public CliRun(Path home) {
        this.home = home;
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
    }

    /** A run with the login URL and the demo credentials of an emulator in the environment. */
    public static CliRun against(dev.iicsctl.emulator.Emulator emulator, Path home) {
        return new CliRun(home)
                .env("IICS_LOGIN_URL", emulator.loginUrl().toString())
                .env("IICS_USERNAME", TestCatalog.USER)
                .env("IICS_PASSWORD", TestCatalog.PASSWORD);
    }

    public CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliRun unset(String name) {
        env.remove(name);
        return this;
    }

    /** Pretend that every standard stream is a terminal (a person typing), or none. */
    public CliRun terminal(boolean isTerminal) {
        return terminals(new Terminals(isTerminal, isTerminal, isTerminal));
    }

    /** Pretend that these streams are terminals. */
    public CliRun terminals(Terminals streams) {
        this.terminals = streams;
        return this;
    }

    /** Answer password prompts this way (stdin must be a terminal for iicsctl to ask). */
    public CliRun prompt(PasswordPrompt passwordPrompt) {
        this.prompt = passwordPrompt;
        return this;
    }

    public CliRun stdin(String text) {
        this.stdin = text;
        return this;
    }

    public Path home() {
        return home;
    }

    /** The outcome of one invocation. */
    public record Result(int exitCode, String out, String err) {
        /** stdout split into lines. */
        public List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = CliEnvironment.of(env, home)
                .withStdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
                .withTerminals(terminals)
                .withPrompt(prompt);
        // As the process does it: a quick command gets a command line of its own.
        int code = Iicsctl.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), environment, args)
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
