package dev.iicsctl.cli.run;

import dev.iicsctl.client.task.TaskRef;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The existing tasks closest to a path or name that was not found: the same text in another case, or a few
 * typing mistakes away (one edit for every five characters, at least two).
 */
final class TaskSuggestions {
    private static final int MAX_SUGGESTIONS = 3;

    private TaskSuggestions() {}

    /**
     * @param text the path or name as typed
     * @param byPath whether {@code text} is a path (compared with paths) or a name (compared with names)
     * @param tasks the tasks that exist
     * @return the closest, best first, at most three
     */
    static List<String> closest(String text, boolean byPath, List<TaskRef> tasks) {
        String typed = text.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, typed.length() / 5);
        return tasks.stream()
                .map(task -> byPath ? task.path() : task.name())
                .filter(Objects::nonNull)
                .distinct()
                .map(candidate -> new Scored(candidate, distance(typed, candidate.toLowerCase(Locale.ROOT))))
                .filter(scored -> scored.distance() <= limit)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::text))
                .limit(MAX_SUGGESTIONS)
                .map(Scored::text)
                .toList();
    }

    /**
     * An unquoted name with spaces arrives as several arguments: the existing path or name that some of the
     * arguments from {@code index} on spell when joined with spaces.
     */
    static Optional<String> joined(List<String> args, int index, boolean byPath, List<TaskRef> tasks) {
        StringBuilder text = new StringBuilder(args.get(index));
        for (int next = index + 1; next < args.size(); next++) {
            text.append(' ').append(args.get(next));
            String candidate = text.toString();
            boolean exists = tasks.stream().map(task -> candidate.contains("/") ? task.path() : task.name())
                    .anyMatch(candidate::equalsIgnoreCase);
            if (exists) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private record Scored(String text, int distance) {}

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
