package dev.iicsctl.emulator.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * The kind of a JSON value, fine enough to tell id and time formats apart: clients parse ids and times by
 * their shape, so a field whose format differs between the org and the emulator is a real difference even
 * when the values naturally do.
 */
enum ValueFormat {
    NULL, BOOLEAN, INTEGER, DECIMAL, OBJECT, ARRAY,
    /** A placeholder a trace writer put where a secret was: its format is unknown. */
    REDACTED,
    /** {@code 2026-11-01T05:30:00.000Z} or without millis: UTC with Z. */
    TIME_UTC_Z,
    /** An ISO time with a numeric offset, e.g. {@code +0000} or {@code +00:00}. */
    TIME_OFFSET,
    /** An ISO time without a zone. */
    TIME_LOCAL,
    /** 20 characters of digits and capitals, like v2 ids {@code 0100000Z00000000001N}. */
    V2_ID,
    /** 22 base62 characters, like federated ids and classic session ids. */
    BASE62_22,
    /** A JWT: three base64url parts. */
    JWT,
    /** Only digits, e.g. a run id sent as text. */
    DIGITS,
    /** Anything else. */
    TEXT;

    private static final Pattern UTC_Z = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?Z");
    private static final Pattern OFFSET = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?[+-]\\d\\d:?\\d\\d");
    private static final Pattern LOCAL = Pattern.compile("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?");
    private static final Pattern V2 = Pattern.compile("[0-9A-Z]{20}");
    private static final Pattern B62 = Pattern.compile("[0-9A-Za-z]{22}");
    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** The placeholders of iicsctl's HAR writer ({@code redacted-session-1}) and the usual masks. */
    private static final Pattern PLACEHOLDER = Pattern.compile("redacted-[a-z]+(-\\d+)?|\\*{3,}");

    static ValueFormat of(JsonNode v) {
        if (v == null || v.isNull()) {
            return NULL;
        }
        if (v.isBoolean()) {
            return BOOLEAN;
        }
        if (v.isIntegralNumber()) {
            return INTEGER;
        }
        if (v.isNumber()) {
            return DECIMAL;
        }
        if (v.isObject()) {
            return OBJECT;
        }
        if (v.isArray()) {
            return ARRAY;
        }
        return ofText(v.asText());
    }

    static ValueFormat ofText(String s) {
        if (PLACEHOLDER.matcher(s).matches()) {
            return REDACTED;
        }
        if (UTC_Z.matcher(s).matches()) {
            return TIME_UTC_Z;
        }
        if (OFFSET.matcher(s).matches()) {
            return TIME_OFFSET;
        }
        if (LOCAL.matcher(s).matches()) {
            return TIME_LOCAL;
        }
        if (NUMBER.matcher(s).matches()) {
            return DIGITS;
        }
        if (V2.matcher(s).matches()) {
            return V2_ID;
        }
        if (B62.matcher(s).matches()) {
            return BASE62_22;
        }
        if (JWT_SHAPE.matcher(s).matches() && s.length() > 40) {
            return JWT;
        }
        return TEXT;
    }

    /** @return whether a value of this format tells nothing about the field's format (null, a placeholder) */
    boolean uninformative() {
        return this == NULL || this == REDACTED;
    }

    /** @return the format as reports show it */
    String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
