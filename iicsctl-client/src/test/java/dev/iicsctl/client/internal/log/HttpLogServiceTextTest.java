package dev.iicsctl.client.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class HttpLogServiceTextTest {

    @Test
    void plainTextIsKept() {
        assertThat(HttpLogService.text("READER_1_1_1> started\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("READER_1_1_1> started\n");
    }

    @Test
    void zipAnswersAreUnpacked() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("s_mtt_1.log"));
            zip.write("session one".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("s_mtt_2.log"));
            zip.write("session two".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThat(HttpLogService.text(bytes.toByteArray())).contains("session one").contains("session two")
                .doesNotContain("PK");
    }
}
