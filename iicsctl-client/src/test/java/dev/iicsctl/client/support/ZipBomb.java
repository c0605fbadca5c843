package dev.iicsctl.client.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A real zip file of one entry of zeros, about a thousand times smaller than what it unpacks to, built in well
 * under a second: one MiB of zeros is deflated once with a full flush (which makes every further MiB deflate to
 * the same bytes), and those bytes are repeated. Compressing gigabytes with {@code ZipOutputStream} would take
 * half a minute on a busy machine.
 */
public final class ZipBomb {

    private static final int CHUNK = 1 << 20;
    private static final String NAME = "s_mtt_bomb.log";

    private ZipBomb() {
    }

    /**
     * @param mebibytes what the entry unpacks to, in MiB (below 4096: no zip64)
     * @return the zip file's bytes
     */
    public static byte[] zeros(int mebibytes) {
        byte[] oneChunk = deflate(new byte[CHUNK], Deflater.FULL_FLUSH);
        byte[] end = deflate(new byte[0], Deflater.NO_FLUSH);
        CRC32 crc = new CRC32();
        byte[] zeros = new byte[CHUNK];
        for (int i = 0; i < mebibytes; i++) {
            crc.update(zeros);
        }
        long zipped = (long) oneChunk.length * mebibytes + end.length;
        long unpacked = (long) CHUNK * mebibytes;
        byte[] name = NAME.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer local = header(30 + name.length, 0x04034b50, crc, zipped, unpacked, name.length, false);
        out.writeBytes(local.put(name).array());
        for (int i = 0; i < mebibytes; i++) {
            out.writeBytes(oneChunk);
        }
        out.writeBytes(end);
        ByteBuffer central = header(46 + name.length, 0x02014b50, crc, zipped, unpacked, name.length, true);
        out.writeBytes(central.put(name).array());
        ByteBuffer eocd = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN).putInt(0x06054b50)
                .putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
                .putInt(central.capacity()).putInt((int) (local.capacity() + zipped)).putShort((short) 0);
        out.writeBytes(eocd.array());
        return out.toByteArray();
    }

    /** A local (or central directory) file header up to the name: deflated, no data descriptor, no extra. */
    private static ByteBuffer header(int size, int signature, CRC32 crc, long zipped, long unpacked, int nameLength,
            boolean central) {
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN).putInt(signature);
        if (central) {
            b.putShort((short) 20);
        }
        b.putShort((short) 20).putShort((short) 0).putShort((short) 8).putShort((short) 0).putShort((short) 0x21)
                .putInt((int) crc.getValue()).putInt((int) zipped).putInt((int) unpacked)
                .putShort((short) nameLength).putShort((short) 0);
        if (central) {
            b.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0);
        }
        return b;
    }

    /** Raw deflate of {@code input}, flushed as asked, or finished when {@code flush} is NO_FLUSH. */
    private static byte[] deflate(byte[] input, int flush) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(input);
            if (flush == Deflater.NO_FLUSH) {
                deflater.finish();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                int n = deflater.deflate(buffer, 0, buffer.length, flush);
                out.write(buffer, 0, n);
                if (flush == Deflater.NO_FLUSH ? deflater.finished() : n == 0) {
                    return out.toByteArray();
                }
            }
        } finally {
            deflater.end();
        }
    }
}
