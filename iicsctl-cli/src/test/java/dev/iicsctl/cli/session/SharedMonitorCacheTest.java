package dev.iicsctl.cli.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code run} shares its activity monitor snapshots in the cache folder, unless switched off. */
class SharedMonitorCacheTest extends EmulatorTestBase {

    private List<Path> snapshots() throws IOException {
        Path folder = home.resolve("cache/iicsctl/monitor");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".monitor.json")).toList();
        }
    }

    @Test
    void runLeavesASnapshotNextToTheSessionCache() throws IOException {
        CliRun.Result result = runTask("Sales/Load Orders");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(snapshots()).hasSize(1);
    }

    @Test
    void theEnvironmentSwitchesSharingOff() throws IOException {
        cli.env("IICSCTL_SHARED_MONITOR", "off");
        CliRun.Result result = runTask("Sales/Load Orders");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(snapshots()).isEmpty();
    }

    @Test
    void noSessionCacheMeansNoSharedSnapshots() throws IOException {
        CliRun.Result result = runTask("Sales/Load Orders", "--no-session-cache");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(snapshots()).isEmpty();
    }
}
