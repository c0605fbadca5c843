package dev.iicsctl.emulator.v3;

import dev.iicsctl.emulator.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code q} filter of v3 {@code objects}: {@code field op 'value'} terms joined by {@code and}, and (a choice,
 * the vendor documents only {@code and}) by {@code or}, which binds less tightly:
 * {@code type=='MTT' or type=='DSS' and location=='Sales'} is MTT anywhere, or DSS in Sales.
 * Supported: {@code type} (==, !=), {@code location} (==, !=), {@code updatedBy} (==),
 * {@code customAttributes.publicationStatus} (==).
 */
final class ObjectQuery {
    private static final Pattern TERM = Pattern.compile("\\s*([A-Za-z.]+)\\s*(==|!=)\\s*'([^']*)'\\s*");
    private static final Pattern JOIN = Pattern.compile("(?i)(and|or)\\s+");

    private ObjectQuery() {}

    static Predicate<Asset> parse(String q) {
        if (q == null || q.isBlank()) {
            return a -> true;
        }
        List<List<Predicate<Asset>>> alternatives = new ArrayList<>();
        List<Predicate<Asset>> all = new ArrayList<>();
        alternatives.add(all);
        Matcher term = TERM.matcher(q);
        Matcher join = JOIN.matcher(q);
        int at = 0;
        while (true) {
            term.region(at, q.length());
            if (!term.lookingAt()) {
                throw unreadable(q.substring(at));
            }
            all.add(term(term.group(1), term.group(2).equals("=="), term.group(3)));
            at = term.end();
            if (at == q.length()) {
                break;
            }
            join.region(at, q.length());
            if (!join.lookingAt()) {
                throw unreadable(q.substring(at));
            }
            if (join.group(1).equalsIgnoreCase("or")) {
                all = new ArrayList<>();
                alternatives.add(all);
            }
            at = join.end();
        }
        return a -> alternatives.stream().anyMatch(terms -> terms.stream().allMatch(t -> t.test(a)));
    }

    private static ApiException unreadable(String rest) {
        return ApiException.badRequest("Cannot read the q filter at \"" + rest.trim()
                + "\": use field=='value' terms joined by ' and ' (or ' or '), e.g. type=='MTT' and location=='Sales'.");
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
