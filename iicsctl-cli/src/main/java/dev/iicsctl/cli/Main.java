package dev.iicsctl.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code iicsctl} process. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // UTF-8 regardless of the platform default, for the spinner and the history chart.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        int code = Iicsctl.commandLine(out, err, CliEnvironment.ofProcess(), args).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
