package dev.iicsctl.client.auth;

import java.util.Arrays;
import java.util.Objects;

/**
 * A user name and password. The password is kept as a {@code char[]} copy, is never part of
 * {@link #toString()}, and can be wiped with {@link #clear()}.
 */
public final class Credentials {
    private final String username;
    private final char[] password;

    /**
     * @param username the IICS user name
     * @param password the password; copied, so the caller may wipe its array
     */
    public Credentials(String username, char[] password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password").clone();
    }

    /** @return the user name */
    public String username() {
        return username;
    }

    /** @return a copy of the password; wipe it after use */
    public char[] password() {
        return password.clone();
    }

    /** @return {@code true} when no password is set */
    public boolean hasEmptyPassword() {
        return password.length == 0;
    }

    /** Overwrites the password in memory. */
    public void clear() {
        Arrays.fill(password, '\0');
    }

    /** @return the user name and a redacted password */
    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
