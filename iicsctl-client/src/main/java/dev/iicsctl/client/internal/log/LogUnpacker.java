package dev.iicsctl.client.internal.log;

import dev.iicsctl.client.internal.http.AnswerLimits;
import dev.iicsctl.client.internal.http.AnswerTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Turns a downloaded session log into its text: plain text as it is, a zip's file entries one after the
 * other. What a zip may unpack to is bounded (total bytes, entries, bytes per zipped byte), so that a zip bomb
 * stops at the limit instead of filling memory or the disk.
 */
final class LogUnpacker {

    private static final byte[] SEPARATOR = System.lineSeparator().getBytes(StandardCharsets.UTF_8);

    private final AnswerLimits limits;

    LogUnpacker(AnswerLimits limits) {
        this.limits = limits;
    }

    /**
     * @param download the log as sent
     * @param out where the text goes
     * @throws AnswerTooLargeException when a zip passes a limit
     * @throws ZipException when a zip is damaged
     * @throws IOException when reading or writing fails
     */
    void unpack(Path download, OutputStream out) throws IOException {
        if (!isZip(download)) {
            Files.copy(download, out);
            return;
        }
        try (CountingInput zipped = new CountingInput(Files.newInputStream(download));
                ZipInputStream zip = new ZipInputStream(zipped)) {
            byte[] buffer = new byte[64 * 1024];
            long unpacked = 0;
            int entries = 0;
            boolean first = true;
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (++entries > limits.zipEntries()) {
                    throw new AnswerTooLargeException("the number of zip entries", limits.zipEntries(),
                            limits.zipEntries() + " entries");
                }
                if (e.isDirectory()) {
                    continue;
                }
                if (!first) {
                    out.write(SEPARATOR);
                }
                first = false;
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    unpacked += n;
                    check(unpacked, zipped.count());
                    out.write(buffer, 0, n);
                }
            }
        }
    }

    private void check(long unpacked, long zipped) {
        if (unpacked > limits.unpackedBytes()) {
            throw new AnswerTooLargeException("the unpacked zip", limits.unpackedBytes());
        }
        if (unpacked > limits.ratioFloorBytes() && unpacked > (double) limits.zipRatio() * Math.max(1, zipped)) {
            throw new RatioExceeded(limits.zipRatio());
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    /** A zip that unpacks to many more bytes than a log compresses to: a bomb, not a log. */
    static final class RatioExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RatioExceeded(int ratio) {
            super("the zip unpacks to more than " + ratio + " times its size");
        }
    }

    /** Counts the zipped bytes read so far, for the ratio. */
    private static final class CountingInput extends FilterInputStream {
        private long count;

        CountingInput(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
