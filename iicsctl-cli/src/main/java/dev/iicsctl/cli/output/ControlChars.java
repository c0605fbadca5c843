package dev.iicsctl.cli.output;

/**
 * Text from IICS (task names, error messages) shown on a terminal: control characters are written as escapes, so
 * that a name cannot clear the screen, retitle the window or forge a line such as {@code exit 0}. C0 characters
 * (newline and ESC included), DEL and the C1 range (U+0080 to U+009F, where U+009B is a one-character CSI) are
 * escaped, as are the bidirectional overrides that reorder what a line seems to say.
 */
public final class ControlChars {
    private ControlChars() {
    }

    /**
     * @param text text to show, or null
     * @return the text with {@code \n}, {@code \r}, {@code \t}, {@code \xHH} or {@code \\uHHHH} in place of each
     *     control character; null stays null
     */
    public static String escape(String text) {
        if (text == null || text.chars().noneMatch(ControlChars::isControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            if (!isControl(c)) {
                out.append((char) c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x80) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }

    /** @return true for C0, DEL, C1 and the bidirectional embedding, override and isolate characters */
    static boolean isControl(int c) {
        return c < 0x20 || c >= 0x7f && c < 0xa0 || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }
}
