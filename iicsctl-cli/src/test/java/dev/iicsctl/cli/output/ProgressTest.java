package dev.iicsctl.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import dev.iicsctl.client.job.Rows;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProgressTest extends EmulatorTestBase {
    private static final String ESC = "\u001b[";
    private static final TaskInfo TASK = new TaskInfo("id", "fid", "Load Orders", "Sales/Load Orders", "MTT");

    private static RunReport run(String state, long rows) {
        return new RunReport(TASK, 3L, state, Instant.now(), null, new Rows(rows, 0, rows, 0), null, 0, null);
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceWithSpinnerElapsedTimeAndRows() throws Exception {
        StringWriter err = new StringWriter();
        try (Progress progress = Progress.create(new PrintWriter(err), true, Style.color())) {
            progress.update(run("RUNNING", 10));
            Thread.sleep(250);
            progress.update(run("RUNNING", 20));
            progress.done(run("SUCCEEDED", 30));
        }
        String text = err.toString();
        assertThat(text).contains("Sales/Load Orders run 3: ").contains("rows 20 read, 20 written")
                .contains("0:00").containsPattern("[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]")
                .contains(ESC + "1A" + "\r" + ESC + "2K").contains(ESC + "36mRUNNING");
        // Closing leaves the terminal clean: the last thing written erases the live line.
        assertThat(text).endsWith("\r" + ESC + "2K");
    }

    @Test
    void outputPrintedAboveTheLiveLinesIsNeverDrawnOver() {
        StringWriter screen = new StringWriter();
        PrintWriter writer = new PrintWriter(screen);
        TaskInfo other = new TaskInfo("id2", "fid2", "Sync", "Sales/Sync", "DSS");
        try (Progress progress = Progress.create(writer, true, Style.plain())) {
            progress.update(run("RUNNING", 10));
            progress.update(new RunReport(other, 4L, "RUNNING", Instant.now(), null, Rows.NONE, null, 0, null));
            progress.above(() -> writer.print("SUMMARY\n"));
        }
        String text = screen.toString();
        String before = text.substring(0, text.indexOf("SUMMARY"));
        String after = text.substring(text.indexOf("SUMMARY"));
        // Both live lines were erased right before the summary, and drawn again below it.
        assertThat(before).endsWith((ESC + "1A\r" + ESC + "2K").repeat(2));
        assertThat(after).contains("Sales/Load Orders run 3").contains("Sales/Sync run 4");
    }

    @Test
    void elsewhereOneLinePerStateChange() {
        StringWriter err = new StringWriter();
        try (Progress progress = Progress.create(new PrintWriter(err), false, Style.plain())) {
            progress.update(run("QUEUED", 0));
            progress.update(run("RUNNING", 10));
            progress.update(run("RUNNING", 20));
            progress.done(run("SUCCEEDED", 30));
        }
        assertThat(err.toString().lines().toList()).hasSize(3)
                .allMatch(line -> line.matches("\\d{4}-.*Z Sales/Load Orders run 3: [A-Z]+.*"));
        assertThat(err.toString()).doesNotContain(ESC);
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() {
        CliRun cli = CliRun.against(emulator, home).terminal(true);
        CliRun.Result coloured = cli.execute("run", "Sales/Load Orders", "--poll", "100ms");
        assertThat(coloured.exitCode()).isZero();
        assertThat(coloured.err()).contains(ESC + "2K");
        assertThat(coloured.out()).contains(ESC + "32mSUCCEEDED");

        CliRun.Result noColorFlag = cli.execute("run", "Sales/Load Orders", "--poll", "100ms", "--no-color");
        assertThat(noColorFlag.out() + noColorFlag.err()).doesNotContain(ESC + "3").doesNotContain(ESC + "1m");
        assertThat(noColorFlag.err()).as("still drawn in place").contains(ESC + "2K");

        CliRun.Result noColorEnv = cli.env("NO_COLOR", "1").execute("run", "Sales/Load Orders", "--poll", "100ms");
        assertThat(noColorEnv.out() + noColorEnv.err()).doesNotContain(ESC + "3").doesNotContain(ESC + "1m");

        CliRun.Result pipe = CliRun.against(emulator, home).execute("run", "Sales/Load Orders", "--poll",
                "100ms");
        assertThat(pipe.out() + pipe.err()).doesNotContain(ESC);
    }
}
