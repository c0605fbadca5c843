package dev.iicsctl.cli.session;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts a finished temporary file in place of a cache file in one step, so a process reading the cache at the same
 * time sees the old file or the new one, never half of one.
 */
final class AtomicMove {
    private AtomicMove() {}

    /**
     * @param temp   the finished file, in the target's folder
     * @param target the file it replaces
     * @throws IOException when the move fails
     */
    static void into(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // A file system without atomic renames: a plain replace is the best it offers.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
