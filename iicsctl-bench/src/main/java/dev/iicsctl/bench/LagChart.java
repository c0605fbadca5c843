package dev.iicsctl.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An SVG chart of detection lag (p50 as a dot, p95 as the top of a bar) against the API calls a strategy made
 * (activity monitor + activity log), one colour per series. Hand-written SVG: no plotting library needed.
 */
final class LagChart {

    private static final int W = 760;
    private static final int H = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    private LagChart() {}

    static String svg(Map<String, List<WatcherResult>> series) {
        double maxCalls = 1;
        double maxLag = 1;
        for (List<WatcherResult> results : series.values()) {
            for (WatcherResult r : results) {
                maxCalls = Math.max(maxCalls, calls(r));
                maxLag = Math.max(maxLag, r.lagMillis().p95() / 1000);
            }
        }
        double xMax = niceCeiling(maxCalls * 1.1);
        double yMax = niceCeiling(maxLag * 1.1);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", W, H, W, H));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">"
                + "Detection lag against API calls, one process following many runs</text>%n", LEFT));
        axes(s, xMax, yMax);
        int i = 0;
        for (Map.Entry<String, List<WatcherResult>> e : series.entrySet()) {
            String colour = COLOURS[i % COLOURS.length];
            for (WatcherResult r : e.getValue()) {
                double x = x(calls(r), xMax);
                double y50 = y(r.lagMillis().p50() / 1000, yMax);
                double y95 = y(r.lagMillis().p95() / 1000, yMax);
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                        + "stroke-width=\"2\"/>%n", x, y50, x, y95, colour));
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                        + "stroke-width=\"2\"/>%n", x - 5, y95, x + 5, y95, colour));
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"/>%n",
                        x, y50, colour));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s</text>%n",
                        x + 8, y50 + 4, colour, escape(r.strategy())));
            }
            legend(s, i, colour, e.getKey().isEmpty() ? "p50 (dot) and p95 (bar top)" : e.getKey());
            i++;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static double calls(WatcherResult r) {
        return r.calls().monitor() + r.calls().log();
    }

    private static void axes(StringBuilder s, double xMax, double yMax) {
        int x0 = LEFT;
        int y0 = H - BOTTOM;
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                x0, y0, W - RIGHT, y0));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                x0, TOP, x0, y0));
        for (int k = 0; k <= 5; k++) {
            double xv = xMax * k / 5;
            double yv = yMax * k / 5;
            double px = x(xv, xMax);
            double py = y(yv, yMax);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, y0, px, y0 + 5, px, y0 + 19,
                    number(xv)));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", x0, py, W - RIGHT, py, x0 - 6, py + 4,
                    number(yv)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">API calls while following "
                + "(activity monitor + activity log)</text>%n", (LEFT + W - RIGHT) / 2, H - 18));
        s.append(String.format(Locale.ROOT, "<text transform=\"translate(18 %d) rotate(-90)\" text-anchor=\"middle\">"
                + "detection lag (s)</text>%n", (TOP + H - BOTTOM) / 2));
    }

    private static void legend(StringBuilder s, int index, String colour, String label) {
        int y = TOP + 8 + index * 18;
        s.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\">%s</text>%n", W - RIGHT - 250, y, colour, W - RIGHT - 240, y + 4,
                escape(label)));
    }

    private static double x(double v, double max) {
        return LEFT + v / max * (W - LEFT - RIGHT);
    }

    private static double y(double v, double max) {
        return H - BOTTOM - v / max * (H - TOP - BOTTOM);
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above {@code v}. */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
