package dev.iicsctl.cli.run;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Work with a time bound, for a process that is exiting: the work runs on a daemon thread, so work still going
 * when the bound passes (a call IICS never answers) does not hold the exit.
 */
final class Bounded {

    private Bounded() {
    }

    /**
     * @param bound how long to wait for the work
     * @param name the thread's name
     * @param work the work
     * @return its result, or empty when the bound passed first
     * @throws RuntimeException what the work threw
     */
    static <T> Optional<T> within(Duration bound, String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        try {
            return Optional.of(result.get(bound.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
