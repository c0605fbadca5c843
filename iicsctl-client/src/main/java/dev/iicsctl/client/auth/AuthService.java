package dev.iicsctl.client.auth;

import java.util.Optional;

/**
 * The client's session: logs in when needed, once for all threads. Obtain it with
 * {@link dev.iicsctl.client.IicsClient#auth()}. Other services use it implicitly; call it directly for the
 * CLI's {@code login}, {@code logout} and {@code whoami}.
 */
public interface AuthService {

    /**
     * Returns the current session, logging in (or loading the stored session) if there is none yet.
     *
     * @return a session believed to be valid
     * @throws dev.iicsctl.client.IicsAuthException when the login is refused
     */
    Session session();

    /**
     * Logs in now, replacing any current session, and saves the new session in the store.
     *
     * @return the new session
     * @throws dev.iicsctl.client.IicsAuthException when the login is refused (never retried)
     */
    Session login();

    /**
     * @return the current session if one was obtained or loaded, without any network call
     */
    Optional<Session> current();

    /**
     * Ends the current session on the server (v2 or v3 logout, as it was obtained) and clears it from the
     * store. Does nothing when there is no session.
     */
    void logout();

    /**
     * Ends every session of the user's organization ({@code logoutall}: all users, all clients, the CLI on
     * other machines included) and clears this client's session from the store. Needs the password.
     *
     * @throws dev.iicsctl.client.IicsAuthException when no password is given or IICS refuses it
     */
    void logoutAll();
}
