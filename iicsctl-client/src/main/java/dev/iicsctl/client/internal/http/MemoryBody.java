package dev.iicsctl.client.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** An answer's body in memory, up to a limit. */
final class MemoryBody extends CappedBody<byte[]> {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    MemoryBody(long limit) {
        super(limit);
    }

    @Override
    void accept(ByteBuffer b) {
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        bytes.write(chunk, 0, chunk.length);
    }

    @Override
    byte[] finish() {
        return bytes.toByteArray();
    }

    @Override
    void discard() {
        bytes.reset();
    }
}
