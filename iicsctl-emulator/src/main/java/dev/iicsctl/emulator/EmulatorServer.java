package dev.iicsctl.emulator;

import dev.iicsctl.emulator.control.ControlRoutes;
import dev.iicsctl.emulator.fault.FaultRules;
import dev.iicsctl.emulator.http.Listener;
import dev.iicsctl.emulator.http.LoopbackTls;
import dev.iicsctl.emulator.http.Pipeline;
import dev.iicsctl.emulator.http.Router;
import dev.iicsctl.emulator.id.IdGenerator;
import dev.iicsctl.emulator.run.JobSnapshot;
import dev.iicsctl.emulator.run.RunEngine;
import dev.iicsctl.emulator.session.Authenticator;
import dev.iicsctl.emulator.session.FederatedLogins;
import dev.iicsctl.emulator.session.SessionRegistry;
import dev.iicsctl.emulator.taskflow.TaskflowEngine;
import dev.iicsctl.emulator.taskflow.TaskflowRoutes;
import dev.iicsctl.emulator.v2.V2ActivityRoutes;
import dev.iicsctl.emulator.v2.V2JobRoutes;
import dev.iicsctl.emulator.v2.V2LoginRoutes;
import dev.iicsctl.emulator.v2.V2TaskRoutes;
import dev.iicsctl.emulator.v3.V3LoginRoutes;
import dev.iicsctl.emulator.v3.V3ObjectRoutes;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/** The wiring of a started emulator: state, routes, thread pools and the two listeners. */
final class EmulatorServer implements AutoCloseable {
    /** Handler threads; handlers never sleep (late answers are scheduled), so a few per core suffice. */
    private static final int WORKERS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

    private final SessionRegistry sessions;
    private final RunEngine jobs;
    private final TaskflowEngine taskflows;
    private final ExecutorService workers;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Listener pod;
    private final Listener login;

    EmulatorServer(Emulator emulator, EmulatorSettings s, RequestLog requests, FaultRules faults, IdGenerator ids) {
        sessions = new SessionRegistry(s.clock(), s.sessionTimeout(), s.sessionType(), s.jwtLifetime(), ids);
        Authenticator auth = new Authenticator(sessions, s.catalog());
        jobs = new RunEngine(s.catalog(), s.clock(), s.visibilityDelay());
        taskflows = new TaskflowEngine(s.catalog(), s.clock(), ids);
        workers = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("iics-emulator-http"));
        scheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("iics-emulator-timer"));
        scheduler.setRemoveOnCancelPolicy(true);
        Pipeline.Settings pipe = new Pipeline.Settings(Emulator.VERSION, s.latency(), s.loginLatency(), s.clock(),
                scheduler, workers);

        SSLContext tls = s.https() ? LoopbackTls.serverContext() : null;
        Router podRouter = new Router("pod host");
        Router loginRouter = new Router("login host");
        podRouter.sibling(loginRouter);
        loginRouter.sibling(podRouter);
        pod = Listener.start(s.podPort(), new Pipeline(podRouter, pipe, faults, requests), workers, tls);
        try {
            URI podUrl = pod.url();
            V2LoginRoutes v2Login = new V2LoginRoutes(auth, new FederatedLogins(s.catalog(), s.clock()), podUrl);
            V3LoginRoutes v3Login = new V3LoginRoutes(auth, podUrl);
            v2Login.registerPod(podRouter);
            v3Login.registerPod(podRouter);
            new V2JobRoutes(s.catalog(), auth, jobs).register(podRouter);
            new V2TaskRoutes(s.catalog(), auth, s.clock()).register(podRouter);
            new V2ActivityRoutes(auth, jobs, () -> taskflows.logEndedSubtasks(jobs), s.utcTimes()).register(podRouter);
            new V3ObjectRoutes(s.catalog(), auth).register(podRouter);
            new TaskflowRoutes(s.catalog(), auth, taskflows).register(podRouter);
            v2Login.registerLogin(loginRouter);
            v3Login.registerLogin(loginRouter);
            new ControlRoutes(emulator).register(loginRouter);
            login = Listener.start(s.port(), new Pipeline(loginRouter, pipe, faults, requests), workers, tls);
        } catch (RuntimeException e) {
            pod.close();
            workers.shutdownNow();
            scheduler.shutdownNow();
            throw e;
        }
    }

    URI loginUrl() {
        return login.url();
    }

    URI podUrl() {
        return pod.url();
    }

    void reset() {
        jobs.reset();
        taskflows.reset();
        sessions.closeAll();
    }

    void expireSessions() {
        sessions.closeAll();
    }

    List<EmulatedRun> runs() {
        List<EmulatedRun> out = new ArrayList<>();
        for (JobSnapshot s : jobs.all()) {
            out.add(EmulatedRun.of(s));
        }
        out.addAll(taskflows.emulatedRuns());
        out.sort(Comparator.comparing(EmulatedRun::startTimeUtc));
        return out;
    }

    @Override
    public void close() {
        login.close();
        pod.close();
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
