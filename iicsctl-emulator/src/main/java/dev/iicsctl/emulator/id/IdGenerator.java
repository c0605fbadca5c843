package dev.iicsctl.emulator.id;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Generates the random ids the emulator hands out (session ids, taskflow run ids).
 * With a seed the sequence is reproducible, which makes recorded test output stable.
 */
public final class IdGenerator {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

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

    /**
     * A 20-digit decimal string like the taskflow run id of Informatica's own status example
     * ({@code 20262247166322413568}): larger than a signed 64-bit number, so clients must keep it as text.
     */
    public synchronized String twentyDigits() {
        StringBuilder sb = new StringBuilder(20).append(1 + random.nextInt(9));
        for (int i = 1; i < 20; i++) {
            sb.append(random.nextInt(10));
        }
        return sb.toString();
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
