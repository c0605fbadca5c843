package dev.iicsctl.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Reads the build version from a resource filtered by Maven. */
final class Version {
    private Version() {}

    static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
