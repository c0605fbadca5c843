package dev.iicsctl.cli.output;

/** The values of {@code -o/--output}. Lower case, as typed on the command line. */
public enum OutputFormat {
    /** Text for people. */
    text,
    /** JSON Lines for programs: one object per line. */
    json
}
