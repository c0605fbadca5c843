package dev.iicsctl.client.internal;

import dev.iicsctl.client.auth.AuthService;
import dev.iicsctl.client.job.JobService;
import dev.iicsctl.client.log.LogService;
import dev.iicsctl.client.monitor.MonitorService;
import dev.iicsctl.client.task.TaskService;

/** Wires the services of one client around a shared transport and session. */
public final class ClientRuntime implements AutoCloseable {

    private final ClientConfig config;

    /**
     * @param config the checked settings
     */
    public ClientRuntime(ClientConfig config) {
        this.config = config;
    }

    /** @return the auth service */
    public AuthService auth() {
        throw notYet();
    }

    /** @return the task service */
    public TaskService tasks() {
        throw notYet();
    }

    /** @return the job service */
    public JobService jobs() {
        throw notYet();
    }

    /** @return the monitor service */
    public MonitorService monitor() {
        throw notYet();
    }

    /** @return the log service */
    public LogService logs() {
        throw notYet();
    }

    private UnsupportedOperationException notYet() {
        return new UnsupportedOperationException("not implemented yet for " + config.loginUrl());
    }

    @Override
    public void close() {
        // nothing to release yet
    }
}
