package dev.iicsctl.cli.command;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.connect.Connection;
import dev.iicsctl.cli.run.RunReports;
import dev.iicsctl.client.auth.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code login}: log in now and keep the session in the cache. */
@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = {"Log in now and keep the session in the session cache",
            "(${XDG_CACHE_HOME:-~/.cache}/iicsctl/sessions, mode 0600), for the next commands to reuse.", "",
            "  printenv IICS_PROD_PASSWORD | iicsctl login --profile prod --password-stdin", ""})
public final class LoginCommand extends BaseCommand {

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        if (!connection.sessionCache()) {
            throw CliException.usage("login with --no-session-cache would keep nothing: drop --no-session-cache");
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
