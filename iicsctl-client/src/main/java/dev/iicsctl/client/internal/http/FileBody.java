package dev.iicsctl.client.internal.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An answer's body streamed into a file, up to a limit; the file is removed when the body fails. */
final class FileBody extends CappedBody<byte[]> {

    private static final byte[] NONE = new byte[0];

    private final Path file;
    private FileChannel channel;

    FileBody(Path file, long limit) {
        super(limit);
        this.file = file;
    }

    @Override
    void accept(ByteBuffer b) throws IOException {
        if (channel == null) {
            channel = open();
        }
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    @Override
    byte[] finish() throws IOException {
        if (channel == null) {
            channel = open();
        }
        channel.close();
        return NONE;
    }

    @Override
    void discard() {
        try {
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a partial download left behind is removed with its temporary directory
        }
    }

    private FileChannel open() throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }
}
