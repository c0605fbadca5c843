package dev.iicsctl.cli.config;

import dev.iicsctl.cli.CliEnvironment;
import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.time.DurationFormat;
import dev.iicsctl.emulator.time.Durations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * A command whose first output line is the password ({@code password-command}). It must print the line and end
     * within {@value #COMMAND_TIMEOUT_VARIABLE} (default 30 s): a vault that waits for a prompt nobody answers would
     * otherwise hold a scheduler forever.
     */
    record Command(String command, String profile, String setting) implements PasswordSource {
        /** A {@code password-command}. */
        public Command(String command, String profile) {
            this(command, profile, "password-command");
        }

        /** What the command is, for messages: {@code password-command of profile 'prod'}. */
        private String label() {
            return setting + (profile == null ? "" : " of profile '" + profile + "'");
        }

        /** What it prints: a password, or a token. */
        private String prints() {
            return setting.startsWith("password") ? "password" : "token";
        }

        @Override
        public String read(CliEnvironment env) {
            Duration timeout = commandTimeout(env);
            List<String> shell = System.getProperty("os.name", "").startsWith("Windows")
                    ? List.of("cmd", "/c", command) : List.of("sh", "-c", command);
            Process process = null;
            try {
                ProcessBuilder builder = new ProcessBuilder(shell);
                // The command sees the environment iicsctl was given, like any variable the profile names.
                builder.environment().clear();
                builder.environment().putAll(env.variables());
                process = builder.start();
                process.getOutputStream().close();
                long deadline = System.nanoTime() + timeout.toNanos();
                // Read on another thread: a command that prints nothing blocks a read, which no timeout interrupts.
                InputStream output = process.getInputStream();
                CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> firstLine(output));
                String line = firstLine.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new TimeoutException();
                }
                if (process.exitValue() != 0 || line == null || line.isEmpty()) {
                    // Its stderr usually says why (a locked vault, a missing file); it never holds the password.
                    String why = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                            StandardCharsets.UTF_8)).lines().filter(l -> !l.isBlank()).findFirst()
                            .map(l -> ": " + l.strip()).orElse("");
                    throw missing(label() + " failed (exit "
                            + process.exitValue() + ", " + (line == null ? "no output" : "output line") + ")" + why
                            + ": fix the command so that it prints the " + prints());
                }
                return line;
            } catch (TimeoutException e) {
                throw missing(label() + " did not print a " + prints() + " within "
                        + DurationFormat.brief(timeout) + " and end: fix the command, or raise "
                        + COMMAND_TIMEOUT_VARIABLE);
            } catch (IOException | ExecutionException e) {
                throw missing(label() + " could not run: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw missing("interrupted while running " + label());
            } finally {
                if (process != null && process.isAlive()) {
                    // Its children too: one of them may hold the output open after the shell has gone.
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
        }

        private static String firstLine(InputStream output) {
            try {
                return new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return label();
        }
    }

    /** The variable that bounds a {@code password-command} (a duration such as {@code 30s}). */
    String COMMAND_TIMEOUT_VARIABLE = "IICSCTL_PASSWORD_COMMAND_TIMEOUT";

    private static Duration commandTimeout(CliEnvironment env) {
        Optional<String> text = env.get(COMMAND_TIMEOUT_VARIABLE);
        if (text.isEmpty()) {
            return Duration.ofSeconds(30);
        }
        try {
            Duration d = Durations.parse(text.get());
            if (d.isZero()) {
                throw new IllegalArgumentException("the timeout must be more than 0");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw CliException.usage(COMMAND_TIMEOUT_VARIABLE + "=" + text.get() + " is not a timeout: use "
                    + Durations.VALID_FORMS);
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
