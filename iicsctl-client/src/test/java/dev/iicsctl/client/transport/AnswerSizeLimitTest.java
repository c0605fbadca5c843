package dev.iicsctl.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iicsctl.client.IicsApiException;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.support.LoopbackIics;
import dev.iicsctl.client.support.ZipBomb;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers larger than any IICS sends (an endless monitor answer, a session log that is a zip bomb) end the call
 * with an {@link IicsApiException} under the default limits, without holding the answer in memory.
 */
@Timeout(120)
class AnswerSizeLimitTest {

    /** Zeros deflate about 1,000 to 1: some 2.5 MB on the wire that would unpack to 2.5 GB. */
    private static final int BOMB_MEBIBYTES = 2_500;

    private static byte[] bomb;
    private static LoopbackIics iics;

    @BeforeAll
    static void serve() throws IOException {
        bomb = ZipBomb.zeros(BOMB_MEBIBYTES);
        iics = new LoopbackIics()
                .answer("/saas/api/v2/activity/activityMonitor", AnswerSizeLimitTest::endlessJsonArray)
                .answer("/saas/api/v2/activity/activityLog/", ex -> LoopbackIics.bytes(ex, "application/zip", bomb));
    }

    @AfterAll
    static void stop() {
        iics.close();
    }

    private static void endlessJsonArray(com.sun.net.httpserver.HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0);
        byte[] entry = "{\"taskId\":\"0100000Z00000000001N\",\"taskName\":\"Load Orders\",\"runId\":1},"
                .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = ex.getResponseBody()) {
            out.write('[');
            while (true) {
                out.write(entry);
            }
        }
    }

    @Test
    void theZipIsSmallButWouldUnpackPastTheLimit() throws IOException {
        assertThat(bomb.length).isBetween(1_000_000, 10_000_000);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bomb))) {
            ZipEntry entry = zip.getNextEntry();
            assertThat(entry.getName()).isEqualTo("s_mtt_bomb.log");
            assertThat(entry.getSize()).isEqualTo(BOMB_MEBIBYTES * 1024L * 1024);
            byte[] first = zip.readNBytes(8 * 1024 * 1024);
            assertThat(first).hasSize(8 * 1024 * 1024).containsOnly(0);
        }
    }

    @Test
    void anEndlessMonitorAnswerIsCutOffAtTheLimit() {
        try (IicsClient client = iics.client().build()) {
            assertThatThrownBy(() -> client.monitor().running())
                    .isInstanceOf(IicsApiException.class)
                    .hasMessageContaining("GET /saas/api/v2/activity/activityMonitor")
                    .hasMessageContaining("more than 64 MiB");
        }
    }

    @Test
    void aZipBombAsSessionLogIsRefused() {
        try (IicsClient client = iics.client().build()) {
            assertThatThrownBy(() -> client.logs().sessionLogs(LoopbackIics.failedRun()))
                    .isInstanceOf(IicsApiException.class)
                    .hasMessageContaining("session log")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void aZipBombIsNotUnpackedIntoTheLogsDirectory(@TempDir Path dir) throws IOException {
        try (IicsClient client = iics.client().build()) {
            assertThatThrownBy(() -> client.logs().saveAll(LoopbackIics.failedRun(), dir))
                    .isInstanceOf(IicsApiException.class)
                    .hasMessageContaining("session log");
        }
        try (Stream<Path> left = Files.walk(dir)) {
            assertThat(left.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum())
                    .as("bytes left in the directory").isLessThan(64L * 1024 * 1024);
        }
    }
}
