package dev.iicsctl.cli.run;

import dev.iicsctl.cli.output.Progress;
import dev.iicsctl.cli.output.Reporter;
import dev.iicsctl.client.IicsClient;

/**
 * What every task of one {@code run} command shares.
 *
 * @param client the client
 * @param settings how each task is treated
 * @param reporter where outcomes go (stdout)
 * @param progress where progress goes (stderr)
 * @param guard what a signal does to the runs being waited for
 * @param startedHere where the runs started are noted, for a later {@code status} or {@code stop}
 * @param refresh what a start refused as "task not found" tries once instead (a task from the resolution cache)
 */
public record RunContext(IicsClient client, RunSettings settings, Reporter reporter, Progress progress,
        InterruptGuard guard, StartedHere startedHere, TaskRefresh refresh) {}
