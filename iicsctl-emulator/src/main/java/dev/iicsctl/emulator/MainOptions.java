package dev.iicsctl.emulator;

import java.util.Locale;

/** The command line of {@link EmulatorMain}: the options of {@link EmulatorOptions}, parsed into a builder. */
final class MainOptions {
    static final String USAGE = usage();

    boolean help;
    final Emulator.Builder builder = EmulatorOptions.defaults();

    private MainOptions() {}

    /** Parses {@code args}. @throws IllegalArgumentException with a one-line message naming the bad option */
    static MainOptions parse(String[] args) {
        MainOptions o = new MainOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                o.help = true;
                continue;
            }
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; see --help");
            }
            String option = name;
            EmulatorOption<?> declared = EmulatorOptions.named(name).orElseThrow(() ->
                    new IllegalArgumentException("unknown option " + option + "; see --help"));
            if (declared.isFlag() && value != null) {
                throw new IllegalArgumentException("option " + name + " takes no value; see --help");
            }
            if (!declared.isFlag() && value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value; see --help");
                }
                value = args[++i];
            }
            o.apply(declared, value);
        }
        return o;
    }

    private void apply(EmulatorOption<?> option, String value) {
        Object parsed;
        try {
            parsed = option.parse().apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option " + option.name() + ": " + e.getMessage());
        }
        option.applyParsed(builder, parsed);
    }

    private static String usage() {
        StringBuilder text = new StringBuilder(String.join("\n",
                "Usage: java -jar iicsctl-emulator.jar [options]",
                "A local stand-in for the Informatica IICS REST API.",
                "",
                ""));
        for (EmulatorOption<?> option : EmulatorOptions.ALL) {
            line(text, option.name() + (option.isFlag() ? "" : " " + option.paramLabel()), option.description());
        }
        line(text, "--help", "Show this help.");
        return text.append('\n').append(EmulatorOptions.DURATION_FORMS).toString();
    }

    private static void line(StringBuilder text, String synopsis, String description) {
        text.append(String.format(Locale.ROOT, "  %-28s %s\n", synopsis, description));
    }
}
