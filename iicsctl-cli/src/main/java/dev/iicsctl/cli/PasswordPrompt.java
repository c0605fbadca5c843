package dev.iicsctl.cli;

import java.io.Console;
import java.util.Optional;

/** Asks a person for a password on the terminal, with echo off. */
@FunctionalInterface
public interface PasswordPrompt {

    /**
     * Shows the prompt and reads one line without echoing it.
     *
     * @return the line typed, or empty when there is no terminal to ask on (or it was closed)
     */
    Optional<char[]> ask(String prompt);

    /** No one to ask: pipes, files, tests. */
    static PasswordPrompt none() {
        return prompt -> Optional.empty();
    }

    /** The process's console, which writes the prompt to the terminal itself and turns echo off while reading. */
    static PasswordPrompt console() {
        return prompt -> {
            Console console = System.console();
            return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
        };
    }
}
