package dev.iicsctl.emulator.catalog;

/** A user who can log in. {@link #toString()} hides the password. */
public record CatalogUser(String username, String password, String org) {
    /** The built-in demo user. */
    public static final CatalogUser DEMO = new CatalogUser("demo@example.com", "demo-password", "Demo Org");

    @Override
    public String toString() {
        return "CatalogUser[username=" + username + ", org=" + org + "]";
    }
}
