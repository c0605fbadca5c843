package dev.iicsctl.emulator.v3;

import dev.iicsctl.emulator.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code q} filter of v3 {@code objects}: {@code field op 'value'} terms joined by {@code and}.
 * Supported: {@code type} (==, !=), {@code location} (==, !=), {@code updatedBy} (==),
 * {@code customAttributes.publicationStatus} (==).
 */
final class ObjectQuery {
    private static final Pattern TERM = Pattern.compile("\\s*([A-Za-z.]+)\\s*(==|!=)\\s*'([^']*)'\\s*");

    private ObjectQuery() {}

    static Predicate<Asset> parse(String q) {
        if (q == null || q.isBlank()) {
            return a -> true;
        }
        List<Predicate<Asset>> terms = new ArrayList<>();
        for (String term : q.split("(?i)\\s+and\\s+")) {
            Matcher m = TERM.matcher(term);
            if (!m.matches()) {
                throw ApiException.badRequest("Cannot read the q filter term \"" + term.trim()
                        + "\": use field=='value' terms joined by ' and ', e.g. type=='MTT' and location=='Sales'.");
            }
            terms.add(term(m.group(1), m.group(2).equals("=="), m.group(3)));
        }
        return a -> terms.stream().allMatch(t -> t.test(a));
    }

    private static Predicate<Asset> term(String field, boolean equal, String value) {
        Predicate<Asset> p = switch (field) {
            case "type" -> a -> a.type().equals(value.toUpperCase(Locale.ROOT));
            case "location" -> a -> a.location().equals(value);
            case "updatedBy" -> a -> Asset.UPDATED_BY.equals(value);
            case "customAttributes.publicationStatus" -> a -> value.equals(a.publicationStatus());
            default -> throw ApiException.badRequest("The q filter field '" + field
                    + "' is not supported by the emulator; use type, location, updatedBy or customAttributes.publicationStatus.");
        };
        return equal ? p : p.negate();
    }
}
