package dev.iicsctl.client.job;

import java.util.Objects;

/**
 * Options of a start. Immutable; use the {@code with*} methods on {@link #defaults()}.
 *
 * @param ifRunning what to do when the task already has a running job
 * @param parameterFileName parameter file of a mapping task (sent as an {@code mtTaskRuntime}), or {@code null}
 * @param parameterFileDir directory of the parameter file on the Secure Agent, or {@code null}
 * @param callbackUrl URL the service calls when the job completes ({@code callbackURL}), or {@code null}
 */
public record StartOptions(IfRunning ifRunning, String parameterFileName, String parameterFileDir, String callbackUrl) {

    /**
     * Validates the values.
     *
     * @param ifRunning what to do when the task already has a running job
     * @param parameterFileName parameter file of a mapping task (sent as an {@code mtTaskRuntime}), or {@code null}
     * @param parameterFileDir directory of the parameter file on the Secure Agent, or {@code null}
     * @param callbackUrl URL the service calls when the job completes ({@code callbackURL}), or {@code null}
     */
    public StartOptions {
        Objects.requireNonNull(ifRunning, "ifRunning");
    }

    /** @return policy {@link IfRunning#FAIL}, no parameter file, no callback */
    public static StartOptions defaults() {
        return new StartOptions(IfRunning.FAIL, null, null, null);
    }

    /**
     * @param policy the already-running policy
     * @return a copy with the policy
     */
    public StartOptions withIfRunning(IfRunning policy) {
        return new StartOptions(policy, parameterFileName, parameterFileDir, callbackUrl);
    }

    /**
     * @param fileName parameter file name
     * @param dir parameter file directory on the Secure Agent, or {@code null}
     * @return a copy with the parameter file
     */
    public StartOptions withParameterFile(String fileName, String dir) {
        return new StartOptions(ifRunning, fileName, dir, callbackUrl);
    }

    /**
     * @param url callback URL
     * @return a copy with the callback URL
     */
    public StartOptions withCallbackUrl(String url) {
        return new StartOptions(ifRunning, parameterFileName, parameterFileDir, url);
    }
}
