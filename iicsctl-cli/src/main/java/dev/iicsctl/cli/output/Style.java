package dev.iicsctl.cli.output;

/**
 * Terminal colours, or none. Colour is used only when writing to a terminal and never with {@code NO_COLOR} or
 * {@code --no-color}.
 */
public final class Style {
    private static final String RESET = "\u001b[0m";
    private final boolean enabled;

    private Style(boolean enabled) {
        this.enabled = enabled;
    }

    /** Colour on. */
    public static Style color() {
        return new Style(true);
    }

    /** Colour off. */
    public static Style plain() {
        return new Style(false);
    }

    public boolean enabled() {
        return enabled;
    }

    public String bold(String text) {
        return wrap("\u001b[1m", text);
    }

    public String dim(String text) {
        return wrap("\u001b[2m", text);
    }

    /** A run state in the colour of its outcome. */
    public String state(String state) {
        return switch (state) {
            case "SUCCEEDED", "STARTED" -> wrap("\u001b[32m", state);
            case "WARNING", "TIMED_OUT", "SUSPENDED", "STOPPING" -> wrap("\u001b[33m", state);
            case "FAILED", "STOPPED" -> wrap("\u001b[31m", state);
            default -> wrap("\u001b[36m", state);
        };
    }

    private String wrap(String code, String text) {
        return enabled ? code + text + RESET : text;
    }
}
