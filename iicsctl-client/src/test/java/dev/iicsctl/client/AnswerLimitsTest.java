package dev.iicsctl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.internal.http.AnswerLimits;
import dev.iicsctl.client.support.LoopbackIics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each answer limit, lowered so the tests stay small, ends the call with one clear line. */
@Timeout(60)
class AnswerLimitsTest {

    private static final long MIB = 1024 * 1024;

    private static AnswerLimits limits(long json, long download, long unpacked, int entries, long text) {
        return new AnswerLimits(json, download, unpacked, entries, 200, 16 * MIB, text);
    }

    private static final AnswerLimits DEFAULTS = AnswerLimits.defaults();

    @Test
    void aJsonAnswerPastTheLimitIsAnApiError() {
        byte[] monitor = ("[" + "{\"taskId\":\"0100000Z00000000001N\",\"runId\":1},".repeat(100) + "{}]")
                .getBytes(StandardCharsets.UTF_8);
        try (LoopbackIics iics = new LoopbackIics().answer("/saas/api/v2/activity/activityMonitor",
                ex -> LoopbackIics.bytes(ex, "application/json", monitor));
                IicsClient client = iics.client().answerLimits(limits(4000, MIB, MIB, 10, MIB)).build()) {
            assertThatThrownBy(() -> client.monitor().running())
                    .isInstanceOf(IicsApiException.class)
                    .hasMessageContaining("IICS answered GET /saas/api/v2/activity/activityMonitor with more than "
                            + "4000 bytes");
        }
    }

    @Test
    void zipLimitsOnEntriesTotalAndTextHold(@TempDir Path dir) throws IOException {
        byte[] zip = zip(3, 4096);
        try (LoopbackIics iics = new LoopbackIics()
                .answer("/saas/api/v2/activity/activityLog/", ex -> LoopbackIics.bytes(ex, "application/zip", zip))) {
            assertRefused(iics, limits(MIB, MIB, MIB, 2, MIB), "the number of zip entries exceeds 2 entries", dir);
            assertRefused(iics, limits(MIB, MIB, 10_000, 10, MIB), "the unpacked zip exceeds 10000 bytes", dir);
            assertThat(zip.length).isGreaterThan(100);
            assertRefused(iics, limits(MIB, 100, MIB, 10, MIB), "with more than 100 bytes", dir);
            try (IicsClient client = iics.client().answerLimits(limits(MIB, MIB, MIB, 10, 5000)).build()) {
                assertThatThrownBy(() -> client.logs().sessionLogs(LoopbackIics.failedRun()))
                        .isInstanceOf(IicsApiException.class).hasMessageContaining("the log text exceeds 5000 bytes");
                assertThat(client.logs().saveAll(LoopbackIics.failedRun(), dir)).as("on disk, no text limit").hasSize(1);
            }
            try (IicsClient client = iics.client().answerLimits(DEFAULTS).build()) {
                assertThat(client.logs().sessionLogs(LoopbackIics.failedRun()).get(0).text()).hasSize(3 * 4096 + 2
                        * System.lineSeparator().length());
            }
        }
    }

    private static void assertRefused(LoopbackIics iics, AnswerLimits limits, String message, Path dir)
            throws IOException {
        try (IicsClient client = iics.client().answerLimits(limits).build()) {
            assertThatThrownBy(() -> client.logs().saveAll(LoopbackIics.failedRun(), dir))
                    .isInstanceOf(IicsApiException.class).hasMessageContaining(message);
        }
        try (var left = Files.list(dir)) {
            assertThat(left).as("nothing half written is left").isEmpty();
        }
    }

    private static byte[] zip(int entries, int bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry("s_" + i + ".log"));
                zip.write("x".repeat(bytes).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
