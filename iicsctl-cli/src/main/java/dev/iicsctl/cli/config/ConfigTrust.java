package dev.iicsctl.cli.config;

import dev.iicsctl.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Whether a config file may be trusted, decided as ssh decides for its own: the file runs commands
 * ({@code password-command}), so another user who could have written it, or could have put another file in its
 * place, could run anything as the user. The file and the folder that holds it must belong to the user (or root)
 * and be writable by their owner only; a sticky folder such as {@code /tmp} protects the files in it and is
 * accepted.
 */
final class ConfigTrust {
    private static final Set<PosixFilePermission> OTHERS_WRITE =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    /** The sticky bit of {@code unix:mode}: only a file's owner may then remove or rename it. */
    private static final int STICKY = 01000;

    private ConfigTrust() {
    }

    /**
     * @param file an existing config file
     * @throws CliException (exit 2) naming the path and the fix, when the file or its folder could have been
     *     written by another user
     */
    static void check(Path file) {
        Path absolute = file.toAbsolutePath();
        checkOne(absolute, absolute, false);
        Path folder = absolute.getParent();
        if (folder != null) {
            checkOne(absolute, folder, true);
        }
    }

    private static void checkOne(Path file, Path path, boolean folder) {
        Set<PosixFilePermission> perms;
        String owner;
        try {
            perms = Files.getPosixFilePermissions(path);
            owner = Files.getOwner(path).getName();
        } catch (UnsupportedOperationException e) {
            return; // no POSIX permissions on this file system
        } catch (IOException e) {
            throw CliException.usage("cannot check who may write config file " + file + ": " + e.getMessage());
        }
        String what = folder ? "the folder " + path + " of config file " + file : "config file " + path;
        if (!owner.equals("root") && !owner.equals(System.getProperty("user.name"))) {
            throw CliException.usage(what + " is owned by " + owner + ", not by you: it could run commands as you "
                    + "(password-command); use a config file of your own");
        }
        if (perms.stream().anyMatch(OTHERS_WRITE::contains) && !(folder && sticky(path))) {
            throw CliException.usage(what + " is writable by other users (" + PosixFilePermissions.toString(perms)
                    + "), so it could run commands as you (password-command): run 'chmod go-w " + path + "'");
        }
    }

    private static boolean sticky(Path folder) {
        try {
            return (((Integer) Files.getAttribute(folder, "unix:mode")) & STICKY) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return false;
        }
    }
}
