package dev.iicsctl.client.internal.sharedmonitor;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock of the one poll, across processes and across the clients of one JVM. An OS file lock dies with its
 * process, so a crashed holder never blocks the others; but the JVM holds file locks per process and throws
 * {@link OverlappingFileLockException} at a second client of the same JVM, so the clients of one JVM first
 * take a lock of their own per file. Waiting is bounded: a holder that hangs (a slow server) delays the others
 * by {@code wait} at most, then they poll on their own.
 */
final class HostLock {

    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final long RETRY_MILLIS = 10;

    private HostLock() {
    }

    /** A lock held, or not obtained; closing releases it. */
    static final class Held implements AutoCloseable {
        private final ReentrantLock jvm;
        private final FileChannel channel;

        private Held(ReentrantLock jvm, FileChannel channel) {
            this.jvm = jvm;
            this.channel = channel;
        }

        /** @return whether the lock is held */
        boolean held() {
            return channel != null;
        }

        @Override
        public void close() {
            if (channel != null) {
                try {
                    channel.close(); // releases the file lock
                } catch (IOException e) {
                    // The lock goes with the channel all the same.
                } finally {
                    jvm.unlock();
                }
            }
        }
    }

    /**
     * @param file the lock file (created, owner only, when missing)
     * @param wait how long to wait for another holder
     * @return the lock, or a {@link Held} that does not hold it when the wait ran out or the file cannot be used
     * @throws InterruptedException when interrupted while waiting
     */
    static Held hold(Path file, Duration wait) throws InterruptedException {
        ReentrantLock jvm = IN_THIS_JVM.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new ReentrantLock());
        long deadline = System.nanoTime() + wait.toNanos();
        if (!jvm.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            return new Held(null, null);
        }
        FileChannel channel = null;
        try {
            channel = open(file);
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held by other code of this JVM through another channel: wait as for a process
                }
                if (lock != null) {
                    return new Held(jvm, channel);
                }
                if (System.nanoTime() >= deadline) {
                    break;
                }
                Thread.sleep(RETRY_MILLIS);
            }
        } catch (IOException e) {
            // A folder that cannot hold the lock: no sharing, each polls on its own.
        } catch (InterruptedException | RuntimeException e) {
            closeQuietly(channel);
            jvm.unlock();
            throw e;
        }
        closeQuietly(channel);
        jvm.unlock();
        return new Held(null, null);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing held through it
            }
        }
    }

    private static FileChannel open(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return FileChannel.open(file, options, SnapshotFolder.ownerOnly("rw-------"));
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(file, options);
        }
    }
}
