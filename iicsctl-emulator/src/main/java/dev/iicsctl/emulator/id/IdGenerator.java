package dev.iicsctl.emulator.id;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Generates the random ids the emulator hands out (session ids, taskflow run ids).
 * With a seed the sequence is reproducible, which makes recorded test output stable.
 */
public final class IdGenerator {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final long NINETEEN_DIGITS = 1_000_000_000_000_000_000L;

    private final Random random;

    /** @param seed a seed for reproducible ids, or {@code null} for unpredictable ones */
    public IdGenerator(Long seed) {
        this.random = seed == null ? new SecureRandom() : new Random(seed);
    }

    /** A base62 string like IICS session ids, e.g. {@code 9KA11tLGqxVcGeul8SQBK3}. */
    public synchronized String base62(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return sb.toString();
    }

    /** A 19-digit decimal string like taskflow run ids ({@code 1256355937542115328}); fits in a long. */
    public synchronized String nineteenDigits() {
        long n = NINETEEN_DIGITS + Math.floorMod(random.nextLong(), Long.MAX_VALUE - NINETEEN_DIGITS);
        return Long.toString(n);
    }

    /** A number in [0, bound). */
    public synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A number in [0, 1). */
    public synchronized double nextDouble() {
        return random.nextDouble();
    }
}
