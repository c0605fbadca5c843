package dev.iicsctl.client;

import dev.iicsctl.client.task.TaskRef;
import java.util.List;

/**
 * A task could not be used: it does not exist, its name matches several tasks, or it cannot be run.
 * {@link #matches()} lists the candidates when the name was ambiguous.
 */
public class TaskNotFoundException extends IicsException {
    private static final long serialVersionUID = 1L;

    /** Why the task could not be used. */
    public enum Reason {
        /** No task with that id, path or name exists (or it is of another type). */
        NOT_FOUND,
        /** The name matches several tasks; see {@link #matches()}. */
        AMBIGUOUS,
        /** The object exists but is not a runnable task (a folder, a connection, an unpublished taskflow...). */
        NOT_RUNNABLE
    }

    /** Why the task was not found. */
    private final Reason reason;
    private final transient List<TaskRef> matches;

    /**
     * @param reason why the task could not be used
     * @param message one-line message naming the fix
     * @param matches the candidate tasks when ambiguous, otherwise empty
     */
    public TaskNotFoundException(Reason reason, String message, List<TaskRef> matches) {
        super(message);
        this.reason = reason;
        this.matches = List.copyOf(matches);
    }

    /** @return why the task could not be used */
    public Reason reason() {
        return reason;
    }

    /** @return the tasks a name matched when {@link #reason()} is {@link Reason#AMBIGUOUS}; otherwise empty */
    public List<TaskRef> matches() {
        return matches == null ? List.of() : matches;
    }
}
