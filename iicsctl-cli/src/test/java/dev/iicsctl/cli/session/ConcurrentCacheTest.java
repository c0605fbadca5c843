package dev.iicsctl.cli.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iicsctl.cli.CliRun;
import dev.iicsctl.cli.EmulatorTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several iicsctl invocations at once on one cache folder (each builds its own client and store, as separate
 * processes do) while every session expires every 0.5 to 1.5 s: each expiry makes several of them clear the cache file
 * (under the others' feet) and log in again at once. Every command must succeed: a vanished file is no session, a
 * write is atomic, and a session refused right after a re-login is replaced once more. The interval is longer than a
 * login and a call take on a loaded machine; shorter ones end sessions faster than any client can use them.
 * Seeded ({@code -Diicsctl.seed=N}) and bounded (4 workers, 10 commands each).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConcurrentCacheTest extends EmulatorTestBase {
    private static final int WORKERS = 4;
    private static final int COMMANDS_EACH = 10;
    private static final List<List<String>> COMMANDS = List.of(
            List.of("tasks"), List.of("tasks"), List.of("status", "Sales/Load Orders"), List.of("login"),
            List.of("whoami"));

    @Test
    void commandsSharingOneCacheUnderFrequentExpiryAllSucceed() throws Exception {
        long seed = Long.getLong("iicsctl.seed", System.nanoTime());
        Random random = new Random(seed);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger expiries = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        List<String> failureTexts = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
        long expirySeed = random.nextLong();
        Future<?> expirer = pool.submit(() -> {
            Random r = new Random(expirySeed);
            while (!done.get()) {
                try {
                    Thread.sleep(500 + r.nextInt(1000));
                } catch (InterruptedException e) {
                    return;
                }
                emulator.expireSessions();
                expiries.incrementAndGet();
            }
        });
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            long workerSeed = random.nextLong();
            workers.add(pool.submit(() -> {
                Random r = new Random(workerSeed);
                CliRun run = CliRun.against(emulator, home);
                for (int i = 0; i < COMMANDS_EACH; i++) {
                    List<String> args = COMMANDS.get(r.nextInt(COMMANDS.size()));
                    CliRun.Result result = run.execute(args.toArray(String[]::new));
                    boolean ok = result.exitCode() == 0 || args.get(0).equals("whoami") && result.exitCode() == 6;
                    if (!ok) {
                        failures.merge(args.get(0) + " exit " + result.exitCode(), 1, Integer::sum);
                        failureTexts.add(String.join(" ", args) + ": " + result);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(150, TimeUnit.SECONDS);
        }
        done.set(true);
        expirer.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        System.out.printf("ConcurrentCacheTest seed=%d workers=%d commands=%d expiries=%d logins=%d failures=%s%n",
                seed, WORKERS, WORKERS * COMMANDS_EACH, expiries.get(),
                emulator.requests().count(dev.iicsctl.cli.TestCatalog.LOGIN), new TreeMap<>(failures));
        assertThat(failureTexts).as("seed " + seed).isEmpty();
    }
}
