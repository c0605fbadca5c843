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

/** {@code logout}: end the cached session on the server and remove it from the cache. */
@Command(name = "logout", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"End the cached session and remove it from the session cache.", "",
            "The session is ended on the server too; no password is needed. Without a cached session, logout "
                    + "says so and exits 0."},
        footer = {"  iicsctl logout --profile prod"})
public final class LogoutCommand extends BaseCommand {

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        ConnectionSettings settings = clients().settings(connection.flags());
        FileSessionStore cache = clients().sessionCache();
        String loginUrl = settings.loginUrl().toString();
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
