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
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

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

    /** @param directory the sessions directory, e.g. {@code ~/.cache/iicsctl/sessions} */
    public FileSessionStore(Path directory) {
        this.directory = directory;
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
     * The cached session for a login URL and user, if any.
     *
     * @throws CliException when the file is readable by others (it is not used)
     */
    @Override
    public Optional<Session> load(URI loginUrl, String username) {
        Path file = fileFor(loginUrl, username);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        checkPrivate(file);
        try {
            JsonNode node = JSON.readTree(file.toFile());
            Session session = new Session(node.path("sessionId").asText(), URI.create(node.path("serverUrl").asText()),
                    node.path("username").asText(), URI.create(node.path("loginUrl").asText()),
                    AuthVersion.parse(node.path("auth").asText()), Instant.parse(node.path("obtainedAt").asText()),
                    Instant.parse(node.path("lastUsedAt").asText()));
            boolean matches = loginUrl.equals(session.loginUrl()) && username.equals(session.username())
                    && !session.id().isEmpty();
            return matches ? Optional.of(session) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // A damaged cache file only costs a login.
            return Optional.empty();
        }
    }

    /** Writes the session, creating the 0700 directory and a 0600 file (atomically replaced). */
    @Override
    public void save(Session session) {
        Path file = fileFor(session.loginUrl(), session.username());
        try {
            createPrivateDirectory();
            Path temp = Files.createTempFile(directory, ".session", ".tmp", fileAttribute(FILE_MODE));
            try {
                Files.write(temp, JSON.writeValueAsBytes(toJson(session)));
                restrict(temp, FILE_MODE);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot write the session cache " + directory + ": "
                    + e.getMessage() + " (fix its permissions, or use --no-session-cache)");
        }
    }

    @Override
    public void clear(URI loginUrl, String username) {
        delete(loginUrl, username);
    }

    /** Removes the cached session; true when there was one. */
    public boolean delete(URI loginUrl, String username) {
        try {
            return Files.deleteIfExists(fileFor(loginUrl, username));
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot remove the cached session in " + directory + ": "
                    + e.getMessage());
        }
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
                // created concurrently by a parallel run: fine
            }
        }
        restrict(directory, DIR_MODE);
    }

    private static void checkPrivate(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                throw new CliException(ExitCode.USAGE, "session cache file " + file
                        + " is readable by other users: run 'chmod 600 " + file + "' or delete it");
            }
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions on this file system
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot check the session cache file " + file + ": "
                    + e.getMessage());
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
