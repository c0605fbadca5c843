package dev.iicsctl.cli.command;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.config.ConnectionSettings;
import dev.iicsctl.cli.config.PasswordSource;
import dev.iicsctl.cli.connect.Connection;
import dev.iicsctl.cli.run.RunReports;
import dev.iicsctl.cli.session.IdleLimit;
import dev.iicsctl.client.auth.Session;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code login}: log in now and keep the session in the cache. */
@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Log in and keep the session for the next commands.", "",
            "The session is kept in iicsctl/sessions under $XDG_CACHE_HOME or ~/.cache (mode 0600). On a terminal "
                    + "with no password source set, iicsctl asks 'Password:' with echo off. When a cached "
                    + "session is still alive and no password is given, login says so and exits 0."},
        footer = {"  iicsctl login",
            "  printenv IICS_PROD_PASSWORD | iicsctl login --profile prod --password-stdin"})
public final class LoginCommand extends BaseCommand {

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        if (!connection.sessionCache()) {
            throw CliException.usage("login with --no-session-cache would keep nothing: drop --no-session-cache");
        }
        ConnectionSettings settings = clients().settings(connection.flags());
        Optional<Session> alive = clients().sessionCache().load(settings.loginUrl(), settings.username())
                .filter(IdleLimit::probablyAlive);
        boolean noPasswordGiven = settings.password() instanceof PasswordSource.None
                || settings.password().asks(env());
        if (alive.isPresent() && noPasswordGiven) {
            err().println("iicsctl: already logged in as " + settings.username() + " at " + settings.loginUrl()
                    + " (cached session); 'iicsctl logout' ends it");
            reporter().session(RunReports.session(alive.get()));
            return ExitCode.OK;
        }
        try (Connection connection = connect(this.connection)) {
            Session session = connection.client().auth().login();
            // Keeping the session is all a login is for: here, unlike in any other command, a cache that cannot be
            // written is the command's failure.
            clients().sessionCache().write(session).ifPresent(problem -> {
                throw CliException.usage("logged in, but the session could not be kept: " + problem);
            });
            reporter().session(RunReports.session(session));
            return ExitCode.OK;
        }
    }
}
