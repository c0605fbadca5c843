package dev.iicsctl.cli.output;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The JSON escapes of {@link JsonLinesReporter}: Jackson's standard ones (every C0 character) plus {@code \\uXXXX} for
 * DEL, the C1 range and the bidirectional overrides, which a terminal showing the line would otherwise interpret.
 */
final class JsonControlEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    JsonControlEscapes() {
        ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    /** Asked for every character above ASCII: null writes it as it is. */
    @Override
    public SerializableString getEscapeSequence(int ch) {
        return ControlChars.isControl(ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
    }
}
