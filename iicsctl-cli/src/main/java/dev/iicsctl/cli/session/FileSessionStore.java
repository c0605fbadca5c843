package dev.iicsctl.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.client.auth.AuthVersion;
import dev.iicsctl.client.auth.Session;
import dev.iicsctl.client.auth.SessionStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The session cache on disk, plugged into the client as its {@link SessionStore}: one JSON file per login URL and
 * user under a 0700 directory, each file mode 0600. A file that others could read is refused rather than used,
 * since it holds a live session id.
 */
public final class FileSessionStore implements SessionStore {
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Consumer<String> warnings;
    private final TempWriter writer;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** @param directory the sessions directory, e.g. {@code ~/.cache/iicsctl/sessions} */
    public FileSessionStore(Path directory) {
        this(directory, warning -> { });
    }

    /**
     * @param directory the sessions directory
     * @param warnings where the one warning about a cache that cannot be written goes (stderr in the CLI)
     */
    public FileSessionStore(Path directory, Consumer<String> warnings) {
        this(directory, warnings, Files::write);
    }

    FileSessionStore(Path directory, Consumer<String> warnings, TempWriter writer) {
        this.directory = directory;
        this.warnings = warnings;
        this.writer = writer;
    }

    /** Writes the bytes of a session to the temporary file (a seam for tests of a disk that fills up). */
    @FunctionalInterface
    interface TempWriter {
        void write(Path temp, byte[] bytes) throws IOException;
    }

    public Path directory() {
        return directory;
    }

    /** The file for a login URL and user: a hash, so that neither leaks into directory listings. */
    public Path fileFor(URI loginUrl, String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((loginUrl.toString() + "\n" + username).getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(digest, 0, 12) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The cached session for a login URL and user, if any. A file that is missing, vanishes while it is read (another
     * process logged out), is not a regular file or is damaged is no session: it only costs a login.
     *
     * @throws CliException when the file is readable by others (it is not used)
     */
    @Override
    public Optional<Session> load(URI loginUrl, String username) {
        Path file = fileFor(loginUrl, username);
        try {
            if (!Files.readAttributes(file, BasicFileAttributes.class).isRegularFile() || !checkPrivate(file)) {
                return Optional.empty();
            }
            // One read of the whole file: writers replace it by an atomic move, so it is an old or a new session.
            JsonNode node = JSON.readTree(Files.readAllBytes(file));
            Session session = new Session(node.path("sessionId").asText(), URI.create(node.path("serverUrl").asText()),
                    node.path("username").asText(), URI.create(node.path("loginUrl").asText()),
                    AuthVersion.parse(node.path("auth").asText()), Instant.parse(node.path("obtainedAt").asText()),
                    Instant.parse(node.path("lastUsedAt").asText()));
            boolean matches = loginUrl.equals(session.loginUrl()) && username.equals(session.username())
                    && !session.id().isEmpty();
            return matches ? Optional.of(session) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            if (e instanceof CliException refusal) {
                throw refusal;
            }
            return Optional.empty();
        }
    }

    /**
     * Writes the session: a 0600 temporary file in the same folder, then an atomic move over the old file, so that a
     * reader sees the old session or the new one. The cache only saves logins: when it cannot be written (a full
     * disk, a folder that is a file, no permission), the command carries on and one warning says so.
     */
    @Override
    public void save(Session session) {
        write(session).ifPresent(this::warnOnce);
    }

    /**
     * Writes the session as {@link #save} does, without the warning.
     *
     * @return the problem when the session could not be written
     */
    public Optional<String> write(Session session) {
        Path file = fileFor(session.loginUrl(), session.username());
        try {
            createPrivateDirectory();
            Path temp = Files.createTempFile(directory, ".session", ".tmp", fileAttribute(FILE_MODE));
            try {
                writer.write(temp, JSON.writeValueAsBytes(toJson(session)));
                restrict(temp, FILE_MODE);
                AtomicMove.into(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot write the session cache " + directory + ": " + reason(e));
        }
    }

    /** Forgets the session; a file that cannot be removed is one warning (a refused session is not used again). */
    @Override
    public void clear(URI loginUrl, String username) {
        try {
            delete(loginUrl, username);
        } catch (CliException e) {
            warnOnce(e.getMessage());
        }
    }

    /** Removes the cached session; true when there was one. */
    public boolean delete(URI loginUrl, String username) {
        try {
            return Files.deleteIfExists(fileFor(loginUrl, username));
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot remove the cached session in " + directory + ": "
                    + reason(e));
        }
    }

    private void warnOnce(String problem) {
        if (warned.compareAndSet(false, true)) {
            warnings.accept("iicsctl: warning: " + problem + "; carrying on without the session cache (fix it, or use "
                    + "--no-session-cache)");
        }
    }

    /** The JDK names only the path for many file errors: say what went wrong with it. */
    private static String reason(Exception e) {
        String kind = e instanceof NotDirectoryException ? "not a directory"
                : e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such directory"
                : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage();
        String path = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : null;
        return path == null || kind == null || kind.contains(path) ? String.valueOf(kind) : path + ": " + kind;
    }

    private static ObjectNode toJson(Session session) {
        ObjectNode node = JSON.createObjectNode();
        node.put("loginUrl", session.loginUrl().toString());
        node.put("username", session.username());
        node.put("sessionId", session.id());
        node.put("serverUrl", session.serverUrl().toString());
        node.put("auth", session.authVersion().name());
        node.put("obtainedAt", session.obtainedAt().toString());
        node.put("lastUsedAt", session.lastUsedAt().toString());
        return node;
    }

    private void createPrivateDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory.getParent());
            try {
                Files.createDirectory(directory, fileAttribute(DIR_MODE));
            } catch (FileAlreadyExistsException e) {
                // created concurrently by a parallel run (fine), or something else is in its place (not ours to change)
                if (!Files.isDirectory(directory)) {
                    throw new NotDirectoryException(directory.toString());
                }
            }
        }
        restrict(directory, DIR_MODE);
    }

    /** @return true when only the owner can read the file; false when it vanished meanwhile */
    private static boolean checkPrivate(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                throw new CliException(ExitCode.USAGE, "session cache file " + file
                        + " is readable by other users: run 'chmod 600 " + file + "' or delete it");
            }
            return true;
        } catch (UnsupportedOperationException e) {
            return true; // no POSIX permissions on this file system
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.setPosixFilePermissions(path, mode);
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions on this file system
        }
    }

    private static FileAttribute<?>[] fileAttribute(Set<PosixFilePermission> mode) {
        boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }
}
