package dev.iicsctl.emulator;

import dev.iicsctl.emulator.catalog.Catalog;
import dev.iicsctl.emulator.session.SessionType;
import java.time.Clock;
import java.time.Duration;

/**
 * The checked configuration of an emulator. {@code loginLatency} null = same as {@code latency};
 * {@code utcTimes} false = activity log entries carry Eastern {@code startTime}/{@code endTime} only;
 * {@code https} true = both listeners speak TLS with the loopback certificate.
 */
record EmulatorSettings(Catalog catalog, int port, int podPort, Duration sessionTimeout, Duration latency,
                        Duration loginLatency, Duration visibilityDelay, Long seed, Clock clock,
                        SessionType sessionType, Duration jwtLifetime, boolean utcTimes, boolean https) {}
