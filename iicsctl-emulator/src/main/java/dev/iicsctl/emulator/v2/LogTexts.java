package dev.iicsctl.emulator.v2;

import dev.iicsctl.emulator.http.Request;
import dev.iicsctl.emulator.http.Response;
import dev.iicsctl.emulator.run.JobSnapshot;
import dev.iicsctl.emulator.run.StepSnapshot;
import dev.iicsctl.emulator.time.WireTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Plausible session-log and error-log texts for an ended run, as text or (when asked for) as a zip. */
final class LogTexts {
    private LogTexts() {}

    /**
     * The answer: a zip holding one file when the client asks for {@code application/zip} first, else text. Both
     * carry the file name in {@code Content-Disposition}, and the zip's type has the charset parameter, as real
     * orgs answer (clients in the wild save the file under that name and match the type with its parameter).
     */
    static Response answer(Request request, String fileName, String text) {
        String accept = request.header("accept");
        if (accept == null || !accept.trim().toLowerCase(Locale.ROOT).startsWith("application/zip")) {
            return Response.text(text).withHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(fileName));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.raw(200, "application/zip;charset=UTF-8", bytes.toByteArray())
                .withHeader("Content-Disposition", "attachment; filename=\"" + fileName + ".zip\"");
    }

    static String sessionLog(JobSnapshot s, List<StepSnapshot> steps) {
        StringBuilder sb = new StringBuilder();
        sb.append("Session log of ").append(s.run().task().type()).append(" task '").append(s.run().task().name())
                .append("', run ").append(s.run().runId()).append('\n');
        sb.append(WireTime.utcMillis(steps.get(0).start())).append(" : INFO : [TM_6014] Initializing session [")
                .append(s.run().task().name()).append("]\n");
        for (StepSnapshot step : steps) {
            sb.append(WireTime.utcMillis(step.start())).append(" : INFO : [TM_6683] Starting task [")
                    .append(step.task().name()).append("]\n");
            sb.append(WireTime.utcMillis(step.end())).append(" : INFO : [WRT_8036] Target rows: ")
                    .append(step.rows().successTarget()).append(" loaded, ").append(step.rows().failedTarget())
                    .append(" rejected\n");
            if (step.errorMessage() != null) {
                sb.append(WireTime.utcMillis(step.end())).append(step.phase().logState() >= 3 ? " : ERROR : " : " : WARNING : ")
                        .append(step.errorMessage()).append('\n');
            }
        }
        StepSnapshot last = steps.get(steps.size() - 1);
        sb.append(WireTime.utcMillis(last.end())).append(" : INFO : [TM_6020] Session [").append(last.task().name())
                .append("] completed with state ").append(steps.size() == 1 ? last.phase().controlState() : s.phase().controlState())
                .append('\n');
        return sb.toString();
    }

    static String errorLog(JobSnapshot s, List<StepSnapshot> steps) {
        StringBuilder sb = new StringBuilder("Transformation,Row,Error\n");
        for (StepSnapshot step : steps) {
            long n = Math.min(50, step.rows().failedTarget() + step.rows().failedSource());
            String message = step.errorMessage() != null ? step.errorMessage() : s.errorMessage();
            for (long i = 1; i <= n; i++) {
                sb.append(step.task().name().replace(',', ' ')).append(',').append(i).append(',')
                        .append(message == null ? "Row rejected by the target." : message.replace(',', ';')).append('\n');
            }
        }
        return sb.toString();
    }
}
