package dev.iicsctl.client.internal.http;

import dev.iicsctl.client.IicsApiException;

/**
 * A success answer whose body is not what was asked for (cut short, an HTML page, not JSON). Its own type so
 * that a read can be sent again for it, and for nothing else that maps to an {@link IicsApiException}.
 */
public final class GarbledAnswerException extends IicsApiException {
    private static final long serialVersionUID = 1L;

    GarbledAnswerException(String message, int httpStatus, String call, Throwable cause) {
        super(message, httpStatus, null, null, call, cause);
    }
}
