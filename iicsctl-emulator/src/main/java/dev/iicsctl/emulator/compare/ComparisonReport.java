package dev.iicsctl.emulator.compare;

import java.io.PrintWriter;
import java.util.List;

/**
 * The outcome of replaying a trace against the emulator.
 *
 * @param compared    exchanges replayed and compared
 * @param skipped     exchanges not replayed, each with the reason
 * @param differences where the emulator's answers differ, in trace order
 */
public record ComparisonReport(int compared, List<String> skipped, List<Difference> differences) {
    public ComparisonReport {
        skipped = List.copyOf(skipped);
        differences = List.copyOf(differences);
    }

    /** @return whether every compared answer had the org's shape */
    public boolean same() {
        return differences.isEmpty();
    }

    /** Writes the report: one line per difference and per skipped exchange, then a summary line. */
    public void print(PrintWriter out) {
        for (Difference d : differences) {
            out.println(d.line());
        }
        for (String s : skipped) {
            out.println("skipped " + s);
        }
        out.println(compared + " exchange(s) compared, " + skipped.size() + " skipped, " + differences.size()
                + " difference(s)");
        out.flush();
    }
}
