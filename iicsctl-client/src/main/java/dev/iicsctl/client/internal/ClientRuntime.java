package dev.iicsctl.client.internal;

import dev.iicsctl.client.auth.AuthService;
import dev.iicsctl.client.internal.api.IicsApi;
import dev.iicsctl.client.internal.auth.HttpAuthService;
import dev.iicsctl.client.internal.http.HarRecorder;
import dev.iicsctl.client.internal.http.HttpTrace;
import dev.iicsctl.client.internal.http.HttpTransport;
import dev.iicsctl.client.internal.http.Redactor;
import dev.iicsctl.client.internal.job.HttpJobService;
import dev.iicsctl.client.internal.job.RunFollower;
import dev.iicsctl.client.internal.job.RunLookup;
import dev.iicsctl.client.internal.log.HttpLogService;
import dev.iicsctl.client.internal.monitor.HttpMonitorService;
import dev.iicsctl.client.internal.sharedmonitor.SharedMonitor;
import dev.iicsctl.client.internal.sharedmonitor.SnapshotScope;
import dev.iicsctl.client.internal.task.HttpTaskService;
import dev.iicsctl.client.internal.taskflow.HttpTaskflowService;
import dev.iicsctl.client.job.JobService;
import dev.iicsctl.client.log.LogService;
import dev.iicsctl.client.monitor.MonitorService;
import dev.iicsctl.client.task.TaskService;
import dev.iicsctl.client.taskflow.TaskflowService;
import java.util.concurrent.atomic.AtomicBoolean;

/** Wires the services of one client around a shared transport and session. */
public final class ClientRuntime implements AutoCloseable {

    private final HttpAuthService auth;
    private final HttpTaskService tasks;
    private final HttpJobService jobs;
    private final HttpMonitorService monitor;
    private final HttpLogService logs;
    private final HttpTaskflowService taskflows;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final HttpTransport transport;
    private final HarRecorder har;

    /**
     * @param config the checked settings
     */
    public ClientRuntime(ClientConfig config) {
        Redactor redactor = new Redactor();
        this.har = config.traceFile() == null ? null
                : new HarRecorder(config.traceFile(), dev.iicsctl.client.IicsClient.version(), redactor);
        this.transport = new HttpTransport(config, new HttpTrace(redactor, config.traceListener(), har));
        this.auth = new HttpAuthService(config, transport, redactor);
        IicsApi api = new IicsApi(transport, auth, redactor);
        this.tasks = new HttpTaskService(api);
        RunLookup lookup = new RunLookup(api, tasks, SharedMonitor.around(config.sharedMonitorFolder(),
                config.answerLimits().jsonBytes(), config.time().wallClock(), () -> SnapshotScope.of(auth.session()),
                transport.trace()));
        RunFollower follower = new RunFollower(lookup, config.pollPolicy(), config.reconcileWindow(), config.time());
        this.jobs = new HttpJobService(api, lookup, follower, config.reconcileWindow(), config.username());
        this.monitor = new HttpMonitorService(lookup, config.pollPolicy(), config.reconcileWindow(),
                config.time());
        this.logs = new HttpLogService(api);
        this.taskflows = new HttpTaskflowService(api, config.pollPolicy(), config.reconcileWindow(), config.username());
    }

    /** @return the auth service */
    public AuthService auth() {
        return auth;
    }

    /** @return the task service */
    public TaskService tasks() {
        return tasks;
    }

    /** @return the job service */
    public JobService jobs() {
        return jobs;
    }

    /** @return the monitor service */
    public MonitorService monitor() {
        return monitor;
    }

    /** @return the log service */
    public LogService logs() {
        return logs;
    }

    /** @return the taskflow service */
    public TaskflowService taskflows() {
        return taskflows;
    }

    /**
     * Ends the watchers, saves the session and ends the HTTP client; then writes the trace file, if one was asked.
     *
     * @throws java.io.UncheckedIOException when the trace file cannot be written (everything else is closed)
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                monitor.close();
                auth.close();
                transport.close();
            } finally {
                if (har != null) {
                    har.write();
                }
            }
        }
    }
}
