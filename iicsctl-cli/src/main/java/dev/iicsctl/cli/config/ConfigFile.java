package dev.iicsctl.cli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.iicsctl.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The YAML config file ({@code default-profile} and {@code profiles}), read and checked once.
 *
 * @param path where it was read from
 * @param defaultProfile the {@code default-profile} key
 * @param profiles the profiles by name, in file order
 * @param ownerOnly whether only the owner may read or write the file (mode 0600 or stricter); true where the file
 *     system has no POSIX permissions
 */
public record ConfigFile(Path path, Optional<String> defaultProfile, Map<String, Profile> profiles, boolean ownerOnly) {

    private static final Set<String> TOP_KEYS = Set.of("default-profile", "profiles");
    private static final Set<String> PROFILE_KEYS = Set.of(
            "login-url", "username", "password-env", "password-command", "password", "auth", "proxy", "ca-file",
            "allow-insecure-http", "token-command", "org-id", "trace-file");

    /** The YAML parser, created only when a config file exists (most runs have none; it is slow to set up). */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }

    public ConfigFile {
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
    }

    /** A config file that does not exist: no profiles. */
    public static ConfigFile absent(Path path) {
        return new ConfigFile(path, Optional.empty(), Map.of(), true);
    }

    /**
     * Reads a config file.
     *
     * @param mustExist whether a missing file is an error (it was named with {@code --config} or
     *     {@code IICSCTL_CONFIG}) or just means "no profiles" (the default location)
     * @throws CliException (exit 2) naming the file, the problem and the fix
     */
    public static ConfigFile load(Path path, boolean mustExist) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            if (mustExist) {
                throw CliException.usage("config file " + path + " not found: check --config or IICSCTL_CONFIG");
            }
            return absent(path);
        } catch (IOException e) {
            throw CliException.usage("cannot read config file " + path + ": " + e.getMessage());
        }
        ConfigTrust.check(path);
        return parse(path, text, ownerOnly(path));
    }

    /**
     * The parser's complaint on one line: its own message spans several, with the quoted source and a caret
     * under the column, which the line number already gives.
     */
    private static String problem(String parserMessage) {
        // The quoted source, the caret and the "in 'reader', line L" parts are indented; the problem is not.
        return parserMessage.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::strip).collect(Collectors.joining("; "));
    }

    static ConfigFile parse(Path path, String text, boolean ownerOnly) {
        JsonNode root;
        try {
            root = Yaml.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw bad(path, "not valid YAML" + where + " (" + problem(e.getOriginalMessage()) + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ConfigFile(path, Optional.empty(), Map.of(), ownerOnly);
        }
        if (!root.isObject()) {
            throw bad(path, "expected a mapping with 'default-profile' and 'profiles'");
        }
        checkKeys(path, root, TOP_KEYS, "top level");
        Map<String, Profile> profiles = new LinkedHashMap<>();
        JsonNode profilesNode = root.path("profiles");
        if (!profilesNode.isMissingNode() && !profilesNode.isNull()) {
            if (!profilesNode.isObject()) {
                throw bad(path, "'profiles' must be a mapping of profile names to settings");
            }
            for (Map.Entry<String, JsonNode> entry : profilesNode.properties()) {
                profiles.put(entry.getKey(), profile(path, entry.getKey(), entry.getValue()));
            }
        }
        Optional<String> defaultProfile = text(path, root, "default-profile", "top level");
        defaultProfile.ifPresent(name -> {
            if (!profiles.containsKey(name)) {
                throw bad(path, "default-profile '" + name + "' is not one of the profiles " + profiles.keySet());
            }
        });
        return new ConfigFile(path, defaultProfile, profiles, ownerOnly);
    }

    private static Profile profile(Path path, String name, JsonNode node) {
        if (!node.isObject()) {
            throw bad(path, "profile '" + name + "' must be a mapping of settings");
        }
        String where = "profile '" + name + "'";
        checkKeys(path, node, PROFILE_KEYS, where);
        return new Profile(name,
                text(path, node, "login-url", where),
                text(path, node, "username", where),
                text(path, node, "password-env", where),
                text(path, node, "password-command", where),
                text(path, node, "password", where),
                text(path, node, "auth", where),
                text(path, node, "proxy", where),
                text(path, node, "ca-file", where),
                text(path, node, "allow-insecure-http", where),
                text(path, node, "token-command", where),
                text(path, node, "org-id", where),
                text(path, node, "trace-file", where));
    }

    private static void checkKeys(Path path, JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw bad(path, "unknown key '" + key + "' in " + where + " (known keys: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static Optional<String> text(Path path, JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw bad(path, "'" + key + "' in " + where + " must be a single value");
        }
        return Optional.of(value.asText());
    }

    private static boolean ownerOnly(Path path) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            return perms.stream().noneMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"));
        } catch (UnsupportedOperationException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static CliException bad(Path path, String problem) {
        return CliException.usage("bad config file " + path + ": " + problem);
    }

    /**
     * The profile to use: the named one, else the file's default, else an empty one.
     *
     * @param requested a profile named by {@code --profile} or {@code IICSCTL_PROFILE}
     */
    public Profile select(Optional<String> requested) {
        if (requested.isPresent()) {
            Profile profile = profiles.get(requested.get());
            if (profile == null) {
                throw CliException.usage("profile '" + requested.get() + "' not found in " + path
                        + (profiles.isEmpty() ? " (the file has no profiles)" : "; known profiles: "
                                + String.join(", ", profiles.keySet())));
            }
            return profile;
        }
        return defaultProfile.map(profiles::get).orElse(Profile.empty("(none)"));
    }
}
