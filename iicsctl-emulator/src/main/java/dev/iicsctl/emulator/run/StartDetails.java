package dev.iicsctl.emulator.run;

/**
 * What the start request said besides the task.
 *
 * @param startedBy             user name of the session
 * @param callbackURL           the {@code callbackURL} to echo, or {@code null}
 * @param parameterFileName     {@code runtime.parameterFileName}, or {@code null}
 * @param parameterFileDir      {@code runtime.parameterFileDir}, or {@code null}
 * @param parentTaskFederatedId for a subtask of a taskflow: the taskflow's federated id, otherwise {@code null}
 */
public record StartDetails(String startedBy, String callbackURL, String parameterFileName, String parameterFileDir,
                           String parentTaskFederatedId) {
    /** Details of a job started through {@code POST /api/v2/job}. */
    public StartDetails(String startedBy, String callbackURL, String parameterFileName, String parameterFileDir) {
        this(startedBy, callbackURL, parameterFileName, parameterFileDir, null);
    }
}
