package dev.iicsctl.cli.command;

import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.PasswordPrompt;
import dev.iicsctl.cli.config.ConnectionSettings;
import dev.iicsctl.cli.connect.ClientFactory;
import dev.iicsctl.cli.session.FileSessionStore;
import dev.iicsctl.client.IicsClient;
import dev.iicsctl.client.IicsException;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code logout}: end the cached session on the server and remove it from the cache. */
@Command(name = "logout", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"End the cached session and remove it from the session cache.", "",
            "The session is ended on the server too; no password is needed. Without a cached session, logout "
                    + "says so and exits 0. The tasks resolved through this login URL and user (the resolution "
                    + "cache) are forgotten as well."},
        footer = {"  iicsctl logout --profile prod", "  iicsctl logout --all --password-stdin < secret.txt"})
public final class LogoutCommand extends BaseCommand {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--all",
            description = "End every session of the organization (every user, every machine: logoutall); "
                    + "needs the password.")
    boolean all;

    @Override
    public Integer call() {
        ConnectionSettings settings = clients().settings(connection.flags());
        FileSessionStore cache = clients().sessionCache();
        String loginUrl = settings.loginUrl().toString();
        // The tasks resolved through this login are forgotten too, whatever becomes of the session.
        resolutionCache().forgetAll(loginUrl, settings.username());
        if (all) {
            // Refused (wrong or missing password) is exit 6, as for a login; the cache is then left as it was.
            try (IicsClient client = clients().client(settings, true, Optional.empty())) {
                client.auth().logoutAll();
            }
            cache.clear(settings.loginUrl(), settings.username());
            reporter().loggedOut(loginUrl, settings.username(), true);
            return ExitCode.OK;
        }
        if (cache.load(settings.loginUrl(), settings.username()).isEmpty()) {
            reporter().loggedOut(loginUrl, settings.username(), false);
            return ExitCode.OK;
        }
        // Ending a session needs no password, so none is asked for even on a terminal.
        ClientFactory noPrompt = new ClientFactory(env().withPrompt(PasswordPrompt.none()), err(), output().verbose());
        try (IicsClient client = noPrompt.client(settings, true, Optional.empty())) {
            client.auth().session();
            client.auth().logout();
        } catch (IicsException e) {
            // An expired session cannot be ended on the server; forgetting it is all that is left to do.
            err().println("iicsctl: the server did not end the session (" + e.getMessage() + "); removed it anyway");
        } finally {
            cache.clear(settings.loginUrl(), settings.username());
        }
        reporter().loggedOut(loginUrl, settings.username(), true);
        return ExitCode.OK;
    }
}
