package dev.iicsctl.cli.command;

import dev.iicsctl.cli.CliException;
import dev.iicsctl.cli.ExitCode;
import dev.iicsctl.cli.config.ConnectionSettings;
import dev.iicsctl.cli.run.RunReports;
import dev.iicsctl.client.auth.Session;
import dev.iicsctl.cli.session.IdleLimit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code whoami}: the cached session of the current settings, without a network call. */
@Command(name = "whoami", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show the cached session of the current login URL and user.", "",
            "No network call is made. Exits 6 when there is no cached session, so that scripts can run "
                    + "'iicsctl whoami || iicsctl login'."},
        footer = {"  iicsctl whoami >/dev/null || iicsctl login"})
public final class WhoamiCommand extends BaseCommand {
    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        ConnectionSettings settings = clients().settings(connection.flags());
        Session session = clients().sessionCache().load(settings.loginUrl(), settings.username())
                .orElseThrow(() -> new CliException(ExitCode.AUTH_FAILED, "not logged in as " + settings.username()
                        + " at " + settings.loginUrl() + ": run 'iicsctl login'"));
        if (!IdleLimit.probablyAlive(session)) {
            err().println("iicsctl: the cached session has been idle for more than 30 minutes and has probably "
                    + "expired; the next command logs in again");
        }
        reporter().session(RunReports.session(session));
        return ExitCode.OK;
    }
}
