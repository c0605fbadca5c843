package dev.iicsctl.emulator.fault;

/**
 * What a fault rule does to a matching request (product contract section 4.3). One record per action;
 * {@code Pipeline} in the http package applies them, {@link FaultRules#parse} reads them.
 */
public sealed interface Fault {
    /** The {@code action} word of this fault in the control API. */
    String action();

    /**
     * Answer with this status and body instead of handling the request.
     *
     * @param status            HTTP status
     * @param contentType       body content type; {@code null} = an error object of the route's API version
     * @param body              body text; {@code null} = an error object
     * @param retryAfterSeconds sent as {@code Retry-After} when not {@code null}
     */
    record Status(int status, String contentType, String body, Integer retryAfterSeconds) implements Fault {
        @Override
        public String action() {
            return "status";
        }
    }

    /** Handle the request, but answer after the rule's delay. */
    record Delay() implements Fault {
        @Override
        public String action() {
            return "delay";
        }
    }

    /** Close the connection without handling the request. */
    record DropBefore() implements Fault {
        @Override
        public String action() {
            return "drop-before";
        }
    }

    /** Handle the request, then close the connection without answering. */
    record DropAfter() implements Fault {
        @Override
        public String action() {
            return "drop-after";
        }
    }

    /** Handle the request and answer 200 with a truncated body. */
    record Malformed() implements Fault {
        @Override
        public String action() {
            return "malformed";
        }
    }

    /** Handle the request, send the status line and headers, then send nothing more while the client waits. */
    record Stall() implements Fault {
        @Override
        public String action() {
            return "stall";
        }
    }

    /**
     * Handle the request and send the answer one byte at a time, {@code interval} apart.
     *
     * @param interval the pause between two bytes
     */
    record Drip(java.time.Duration interval) implements Fault {
        public Drip {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("a drip fault needs a positive interval such as \"100ms\"");
            }
        }

        @Override
        public String action() {
            return "drip";
        }
    }
}
