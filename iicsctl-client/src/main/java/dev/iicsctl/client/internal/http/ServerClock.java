package dev.iicsctl.client.internal.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Estimates the server's clock from the {@code Date} header of answers, so that "runs that began after my
 * request" can be judged in server time even when the local clock is off. The estimate is only as good as the
 * agreement between the machine that writes the {@code Date} header and the ones that write the activity
 * entries' times: they are different machines of the pod, a few seconds apart at times, so every comparison
 * allows {@link #SKEW} besides the header's one-second precision.
 */
public final class ServerClock {

    /** How far the {@code Date} header and the times in activity entries may disagree. */
    public static final Duration SKEW = Duration.ofSeconds(10);

    private final Clock local;
    private volatile Duration offset = Duration.ZERO;
    private volatile boolean known;

    /** @param local the client's wall clock */
    public ServerClock(Clock local) {
        this.local = local;
    }

    /**
     * @param headers headers of an answer received just now
     */
    public void observe(HttpHeaders headers) {
        headers.firstValue("Date").ifPresent(value -> {
            try {
                Instant server = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                // Date has whole seconds: the true server time is up to 1 s later than it says.
                offset = Duration.between(local.instant(), server.plusMillis(500));
                known = true;
            } catch (DateTimeParseException e) {
                // A bad Date header only costs precision: keep the previous estimate.
            }
        });
    }

    /** @return the estimated server time now */
    public Instant now() {
        return local.instant().plus(offset);
    }

    /** @return how far this estimate may be off from the times in activity entries */
    public Duration uncertainty() {
        return known ? Duration.ofMillis(1000).plus(SKEW) : Duration.ofSeconds(30);
    }
}
