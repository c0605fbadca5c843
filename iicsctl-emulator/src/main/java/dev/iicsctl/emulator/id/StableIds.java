package dev.iicsctl.emulator.id;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Ids derived from an asset's path, so that a catalog without explicit ids gives the same ids on every start
 * (a user can keep an id in a script across emulator restarts).
 */
public final class StableIds {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private StableIds() {}

    /** A 20-character v2 object id such as {@code 0100000Z00000000001N}: a type prefix and 12 base36 characters. */
    public static String v2Id(String prefix, String path) {
        String digits = hash("v2:" + path).toString(36).toUpperCase(Locale.ROOT);
        String tail = digits.length() >= 12 ? digits.substring(0, 12) : "0".repeat(12 - digits.length()) + digits;
        return prefix + tail;
    }

    /** A 22-character base62 federated (v3) id such as {@code 4JzMQBmn5YWbX1CCECivWK}. */
    public static String federatedId(String path) {
        BigInteger n = hash("frs:" + path);
        BigInteger base = BigInteger.valueOf(62);
        StringBuilder sb = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            BigInteger[] qr = n.divideAndRemainder(base);
            sb.append(BASE62.charAt(qr[1].intValue()));
            n = qr[0];
        }
        return sb.toString();
    }

    private static BigInteger hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
