package dev.iicsctl.client.internal.log;

import dev.iicsctl.client.internal.http.AnswerTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Log text collected in memory, up to a limit. */
final class LimitedOutput extends OutputStream {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final long limit;

    LimitedOutput(long limit) {
        this.limit = limit;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (bytes.size() + (long) len > limit) {
            throw new AnswerTooLargeException("the log text", limit);
        }
        bytes.write(b, off, len);
    }

    /** @return the text as UTF-8 */
    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
