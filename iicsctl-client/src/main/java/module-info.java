/**
 * The iicsctl client: log in to Informatica Intelligent Cloud Services, resolve tasks, start them at most once,
 * follow them, stop them and fetch their logs. {@link dev.iicsctl.client.IicsClient} is where to start.
 *
 * <p>Only the API packages are exported; {@code dev.iicsctl.client.internal} and its subpackages are the
 * implementation and may change in any release. No Jackson or SLF4J type appears in the API, so neither is
 * required transitively.
 */
module dev.iicsctl.client {
    requires java.net.http;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.iicsctl.client;
    exports dev.iicsctl.client.auth;
    exports dev.iicsctl.client.job;
    exports dev.iicsctl.client.log;
    exports dev.iicsctl.client.monitor;
    exports dev.iicsctl.client.task;
    exports dev.iicsctl.client.taskflow;
}
