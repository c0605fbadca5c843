package dev.iicsctl.emulator.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two JSON answers by shape: which fields exist, their JSON types and their id/time formats, never
 * their values (ids, times and counts naturally differ between an org and the emulator). The items of a list
 * are merged into one shape per side first, so lists of different lengths compare cleanly.
 */
final class ShapeDiff {
    private final String exchange;
    private final List<Difference> found = new ArrayList<>();

    private ShapeDiff(String exchange) {
        this.exchange = exchange;
    }

    static List<Difference> compare(String exchange, JsonNode org, JsonNode emulator) {
        ShapeDiff diff = new ShapeDiff(exchange);
        diff.node("", merged(org), merged(emulator));
        return diff.found;
    }

    private void node(String path, Shape org, Shape emu) {
        if (!org.format.uninformative() && !emu.format.uninformative() && org.format != emu.format) {
            found.add(new Difference(exchange, path, Difference.Kind.FORMAT, org.format.word(), emu.format.word()));
            return;
        }
        for (Map.Entry<String, Shape> f : org.fields.entrySet()) {
            Shape other = emu.fields.get(f.getKey());
            String at = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
            if (other == null) {
                if (!emu.format.uninformative()) {
                    found.add(new Difference(exchange, at, Difference.Kind.MISSING, f.getValue().format.word(), null));
                }
            } else {
                node(at, f.getValue(), other);
            }
        }
        for (Map.Entry<String, Shape> f : emu.fields.entrySet()) {
            if (!org.fields.containsKey(f.getKey()) && !org.format.uninformative()) {
                String at = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                found.add(new Difference(exchange, at, Difference.Kind.EXTRA, null, f.getValue().format.word()));
            }
        }
        if (org.items != null && emu.items != null) {
            node(path + "[]", org.items, emu.items);
        }
    }

    /** A value's shape: its format, its fields (objects) and the merged shape of its items (arrays). */
    private static final class Shape {
        ValueFormat format;
        final Map<String, Shape> fields = new LinkedHashMap<>();
        Shape items;

        Shape(ValueFormat format) {
            this.format = format;
        }
    }

    private static Shape merged(JsonNode node) {
        Shape s = new Shape(ValueFormat.of(node));
        add(s, node);
        return s;
    }

    /** Adds a value to a shape: a field seen in any item of a list counts, and a format seen anywhere wins over null. */
    private static void add(Shape into, JsonNode node) {
        if (node == null) {
            return;
        }
        ValueFormat f = ValueFormat.of(node);
        if (into.format.uninformative() && !f.uninformative()) {
            into.format = f;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Shape child = into.fields.computeIfAbsent(e.getKey(), k -> new Shape(ValueFormat.of(e.getValue())));
                add(child, e.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (into.items == null) {
                    into.items = new Shape(ValueFormat.of(item));
                }
                add(into.items, item);
            }
        }
    }
}
