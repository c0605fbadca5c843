package dev.iicsctl.client.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The tasks and taskflows of the chaos suite: one per worker, so every run of a task belongs to one worker's attempts and the
 * emulator's runs can be matched to them. Short durations (100-600 ms), all three outcomes, and scripted first
 * runs whose outcomes differ from the task's default.
 */
final class ChaosCatalog {

    private static final String[] TYPES = {"MTT", "DSS", "DRS", "MTT"};
    private static final String[] OUTCOMES = {"success", "warning", "failed"};

    private ChaosCatalog() {
    }

    /** @return the path of task {@code i} */
    static String path(int i) {
        return String.format("Chaos/Folder %d/Task %02d", i % 3, i);
    }

    /** @return the path of taskflow {@code i} */
    static String taskflowPath(int i) {
        return String.format("Chaos/Flows/Flow %02d", i);
    }

    /**
     * @param tasks how many tasks
     * @param taskflows how many taskflows, each with a step task of its own (so that no job worker sees its runs)
     * @param seed makes durations, outcomes and rows reproducible
     * @return the catalog YAML
     */
    static String yaml(int tasks, int taskflows, long seed) {
        Random random = new Random(seed);
        StringBuilder y = new StringBuilder("tasks:\n");
        for (int i = 0; i < tasks; i++) {
            y.append("  - path: ").append(path(i)).append('\n');
            y.append("    type: ").append(TYPES[i % TYPES.length]).append('\n');
            y.append("    run: ").append(script(random, OUTCOMES[i % OUTCOMES.length])).append('\n');
            List<String> scripted = new ArrayList<>();
            for (int r = 0; r < 1 + random.nextInt(4); r++) {
                scripted.add(script(random, OUTCOMES[random.nextInt(OUTCOMES.length)]));
            }
            y.append("    runs:\n");
            scripted.forEach(s -> y.append("      - ").append(s).append('\n'));
        }
        for (int i = 0; i < taskflows; i++) {
            y.append(String.format("  - path: Chaos/Flows/Step %02d%n    type: MTT%n    run: %s%n", i,
                    script(random, "success")));
        }
        y.append("taskflows:\n");
        for (int i = 0; i < taskflows; i++) {
            String outcome = i % 3 == 2 ? "failed" : "success";
            y.append("  - path: ").append(taskflowPath(i)).append('\n');
            y.append(String.format("    apiName: Flow_%02d%n", i));
            y.append(String.format("    run: {duration: %dms, outcome: %s%s}%n", 200 + random.nextInt(301), outcome,
                    "failed".equals(outcome) ? ", errorMessage: \"Step failed (chaos)\"" : ""));
            y.append(String.format("    subtasks: [Chaos/Flows/Step %02d]%n", i));
        }
        return y.toString();
    }

    private static String script(Random random, String outcome) {
        int duration = 100 + random.nextInt(501);
        long source = 10 + random.nextInt(5000);
        long rejected = "warning".equals(outcome) ? 1 + random.nextInt((int) Math.min(source, 500)) : 0;
        long written = "failed".equals(outcome) ? random.nextInt((int) source) : source - rejected;
        String rows = String.format("{successSource: %d, failedSource: 0, successTarget: %d, failedTarget: %d}",
                source, written, "failed".equals(outcome) ? source - written : rejected);
        String error = "failed".equals(outcome) ? ", errorMessage: \"Target table locked (chaos)\"" : "";
        return String.format("{duration: %dms, outcome: %s, rows: %s%s}", duration, outcome, rows, error);
    }
}
