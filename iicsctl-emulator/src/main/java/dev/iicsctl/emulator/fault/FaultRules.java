package dev.iicsctl.emulator.fault;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iicsctl.emulator.time.Durations;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/** The active fault rules, in the order they were added; the first that selects a request wins. */
public final class FaultRules {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("method", "path", "times", "probability", "action", "status",
            "contentType", "body", "retryAfterSeconds", "delay", "interval");

    private final List<Active> rules = new CopyOnWriteArrayList<>();
    private final DoubleSupplier random;

    /** @param random draws in [0,1) for the rules' probability (seeded by the emulator) */
    public FaultRules(DoubleSupplier random) {
        this.random = random;
    }

    public void add(FaultRule rule) {
        rules.add(new Active(rule, rule.times() == null ? null : new AtomicInteger(rule.times())));
    }

    public void clear() {
        rules.clear();
    }

    /** The rule that applies to this request, using up one of its {@code times}. */
    public Optional<FaultRule> apply(String method, String path) {
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        for (Active a : rules) {
            if (a.rule.selects(method, path) && a.take(random)) {
                return Optional.of(a.rule);
            }
        }
        return Optional.empty();
    }

    private record Active(FaultRule rule, AtomicInteger remaining) {
        boolean take(DoubleSupplier random) {
            if (rule.probability() < 1 && random.getAsDouble() >= rule.probability()) {
                return false;
            }
            return remaining == null || remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }
    }

    /** Parses one rule of the control API. @throws IllegalArgumentException naming the bad field */
    static FaultRule parse(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the fault rule is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the fault rule must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown fault rule field '" + f + "'; expected one of "
                        + FIELDS.stream().sorted().toList());
            }
        }
        String path = text(node, "path");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a fault rule needs 'path' starting with '/', e.g. \"/saas/api/v2/job\"");
        }
        Fault fault = fault(node);
        Duration delay = Duration.ZERO;
        if (text(node, "delay") != null) {
            delay = Durations.parse(text(node, "delay"));
        }
        Integer times = node.hasNonNull("times") ? intField(node, "times") : null;
        double probability = node.hasNonNull("probability") ? node.get("probability").asDouble(-1) : 1;
        return new FaultRule(text(node, "method"), path, times, probability, delay, fault);
    }

    private static Fault fault(JsonNode node) {
        String action = text(node, "action");
        if (action == null) {
            throw new IllegalArgumentException("a fault rule needs 'action': status, delay, drop-before, drop-after, malformed, stall or drip");
        }
        return switch (action) {
            case "status" -> {
                if (!node.hasNonNull("status")) {
                    throw new IllegalArgumentException("a status fault needs 'status', e.g. 503");
                }
                int status = intField(node, "status");
                if (status < 100 || status > 599) {
                    throw new IllegalArgumentException("'status' must be an HTTP status between 100 and 599");
                }
                yield new Fault.Status(status, text(node, "contentType"), text(node, "body"),
                        node.hasNonNull("retryAfterSeconds") ? intField(node, "retryAfterSeconds") : null);
            }
            case "delay" -> new Fault.Delay();
            case "drop-before" -> new Fault.DropBefore();
            case "drop-after" -> new Fault.DropAfter();
            case "malformed" -> new Fault.Malformed();
            case "stall" -> new Fault.Stall();
            case "drip" -> new Fault.Drip(text(node, "interval") == null ? Duration.ofMillis(100)
                    : Durations.parse(text(node, "interval")));
            default -> throw new IllegalArgumentException("unknown fault action '" + action
                    + "'; use status, delay, drop-before, drop-after, malformed, stall or drip");
        };
    }

    private static int intField(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number");
        }
        return v.asInt();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
