package dev.iicsctl.client.internal.http;

/**
 * How much of an answer is read, so that a huge or endless answer (a runaway monitor, a zip bomb posing as a
 * session log) ends the call with a clear error instead of exhausting memory or disk.
 *
 * @param jsonBytes most bytes of one answer held in memory (JSON answers, error bodies)
 * @param downloadBytes most bytes of one log download written to disk, as sent (zipped or not)
 * @param unpackedBytes most bytes unpacked from one zipped log
 * @param zipEntries most entries in one zipped log
 * @param zipRatio most unpacked bytes per zipped byte, checked once {@code ratioFloorBytes} are unpacked
 * @param ratioFloorBytes unpacked bytes below which the ratio is not checked (tiny logs compress well)
 * @param logTextBytes most bytes of log text returned in memory (the text of a {@code LogFile})
 */
public record AnswerLimits(long jsonBytes, long downloadBytes, long unpackedBytes, int zipEntries, int zipRatio,
        long ratioFloorBytes, long logTextBytes) {

    private static final long MIB = 1024L * 1024;

    // Validates the values.
    public AnswerLimits {
        if (jsonBytes < 1 || downloadBytes < 1 || unpackedBytes < 1 || zipEntries < 1 || zipRatio < 1
                || ratioFloorBytes < 0 || logTextBytes < 1) {
            throw new IllegalArgumentException("answer limits must be positive");
        }
    }

    /**
     * @return 64 MiB per JSON answer (a monitor answer with 1,000 running jobs is about 1 MiB), 1 GiB per log
     *     download, 2 GiB, 1,000 entries and a ratio of 200 per zipped log (checked above 16 MiB), 64 MiB of log
     *     text in memory
     */
    public static AnswerLimits defaults() {
        return new AnswerLimits(64 * MIB, 1024 * MIB, 2048 * MIB, 1000, 200, 16 * MIB, 64 * MIB);
    }

    /**
     * @param bytes a size
     * @return it for messages: {@code 64 MiB}, {@code 512 KiB} or {@code 100 bytes}
     */
    public static String describe(long bytes) {
        if (bytes >= MIB && bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
