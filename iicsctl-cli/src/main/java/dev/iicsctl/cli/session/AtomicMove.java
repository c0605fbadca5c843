package dev.iicsctl.cli.session;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Puts a finished temporary file in place of a cache file in one step, so a process reading the cache at the same
 * time sees the old file or the new one, never half of one.
 */
final class AtomicMove {
    private AtomicMove() {}

    /**
     * Writes a cache file whole: the bytes go to a temporary file of mode 0600 in the target's folder, which is
     * then moved into place.
     *
     * @param target the file to replace
     * @param bytes its new content
     * @throws IOException when it cannot be written (the old file is then left as it was)
     */
    static void writePrivately(Path target, byte[] bytes) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] privateFile = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp", privateFile);
        try {
            Files.write(temp, bytes);
            into(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

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
