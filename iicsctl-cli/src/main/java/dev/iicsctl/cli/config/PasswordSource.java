package dev.iicsctl.cli.config;

import dev.iicsctl.cli.CliEnvironment;
import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where the password comes from. It is read only when a login is needed, so that a cached session works without
 * it. {@link #toString()} names the source, never the password.
 */
public sealed interface PasswordSource {

    /**
     * Reads the password.
     *
     * @throws CliException naming the source and how to fix it, when no password can be read
     */
    String read(CliEnvironment env);

    /** Whether reading asks a person at the terminal (so a cached session should be tried first). */
    default boolean asks(CliEnvironment env) {
        return false;
    }

    /**
     * Asks for the password on the terminal, with echo off.
     *
     * @return the password, or empty when there is no terminal to ask on
     */
    private static java.util.Optional<String> prompt(CliEnvironment env) {
        if (!env.canPrompt()) {
            return java.util.Optional.empty();
        }
        java.util.Optional<char[]> typed = env.prompt().ask("Password: ");
        if (typed.isPresent() && typed.get().length == 0) {
            throw missing("no password typed: type it at the Password: prompt, or see 'iicsctl login --help'");
        }
        return typed.map(String::new);
    }

    /** The first line of standard input ({@code --password-stdin}); asked with echo off when it is a terminal. */
    record Stdin() implements PasswordSource {
        @Override
        public boolean asks(CliEnvironment env) {
            return env.canPrompt();
        }

        @Override
        public String read(CliEnvironment env) {
            java.util.Optional<String> typed = prompt(env);
            if (typed.isPresent()) {
                return typed.get();
            }
            try {
                String line = new BufferedReader(new InputStreamReader(env.stdin(), StandardCharsets.UTF_8))
                        .readLine();
                if (line == null || line.isEmpty()) {
                    throw missing("--password-stdin read no password: pipe it in, e.g. "
                            + "'printenv IICS_PROD_PASSWORD | iicsctl ... --password-stdin'");
                }
                return line;
            } catch (IOException e) {
                throw missing("--password-stdin could not read standard input: " + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "--password-stdin";
        }
    }

    /** An environment variable: {@code IICS_PASSWORD} or the one a profile names in {@code password-env}. */
    record Variable(String name, String origin) implements PasswordSource {
        @Override
        public String read(CliEnvironment env) {
            return env.get(name).orElseThrow(() ->
                    missing("the password variable " + name + " (" + origin + ") is not set: export it"));
        }

        @Override
        public String toString() {
            return "variable " + name;
        }
    }

    /** A command whose first output line is the password ({@code password-command}). */
    record Command(String command, String profile) implements PasswordSource {
        @Override
        public String read(CliEnvironment env) {
            List<String> shell = System.getProperty("os.name", "").startsWith("Windows")
                    ? List.of("cmd", "/c", command) : List.of("sh", "-c", command);
            try {
                ProcessBuilder builder = new ProcessBuilder(shell);
                // The command sees the environment iicsctl was given, like any variable the profile names.
                builder.environment().clear();
                builder.environment().putAll(env.variables());
                Process process = builder.start();
                process.getOutputStream().close();
                String line = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw missing("password-command of profile '" + profile + "' did not finish in 30s: fix it");
                }
                if (process.exitValue() != 0 || line == null || line.isEmpty()) {
                    // Its stderr usually says why (a locked vault, a missing file); it never holds the password.
                    String why = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                            StandardCharsets.UTF_8)).lines().filter(l -> !l.isBlank()).findFirst()
                            .map(l -> ": " + l.strip()).orElse("");
                    throw missing("password-command of profile '" + profile + "' failed (exit "
                            + process.exitValue() + ", " + (line == null ? "no output" : "output line") + ")" + why
                            + ": fix the command so that it prints the password");
                }
                return line;
            } catch (IOException e) {
                throw missing("password-command of profile '" + profile + "' could not run: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw missing("interrupted while running password-command of profile '" + profile + "'");
            }
        }

        @Override
        public String toString() {
            return "password-command of profile " + profile;
        }
    }

    /** A plaintext {@code password} in the config file, refused unless the file is owner-only. */
    record Plain(String password, Path file, boolean ownerOnly, String profile) implements PasswordSource {
        @Override
        public String read(CliEnvironment env) {
            if (!ownerOnly) {
                throw CliException.usage("config file " + file + " holds a plaintext password (profile '" + profile
                        + "') but other users may read it: run 'chmod 600 " + file + "'");
            }
            return password;
        }

        @Override
        public String toString() {
            return "password of profile " + profile;
        }
    }

    /** No source at all: asked for on a terminal; elsewhere reading fails with the ways to give one. */
    record None(String username) implements PasswordSource {
        @Override
        public boolean asks(CliEnvironment env) {
            return env.canPrompt();
        }

        @Override
        public String read(CliEnvironment env) {
            return prompt(env).orElseThrow(() -> missing("no password for " + username + ": set IICS_PASSWORD, use --password-stdin, "
                    + "or set password-env or password-command in a profile"));
        }

        @Override
        public String toString() {
            return "no password";
        }
    }

    private static CliException missing(String message) {
        return new CliException(ExitCode.USAGE, message);
    }
}
