package dev.atwatch.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A search's prefilter stated in terms of fields, for readers of {@code key=value} text formats
 * (audit records) that can find a field's value in a record by its key, however the value is
 * written there.
 *
 * <p>An event may match only when, for some alternative, every literal of it is found. A literal is
 * found when its text occurs, ignoring ASCII case, in the value of one of its fields, or anywhere
 * in the event's records when its field set is empty. Field names are those of the search (with the
 * aliases of the run already added); a reader maps them to the keys its format derives them from.
 *
 * @param alternatives the alternatives, each a non-empty list of literals
 */
public record FieldLiterals(List<List<Literal>> alternatives) {

    public FieldLiterals {
        alternatives = alternatives.stream().map(List::copyOf).toList();
    }

    /**
     * Text that must be found.
     *
     * @param fields the fields whose values may hold it; empty for "anywhere in the record"
     * @param text ASCII text in lower case; bound to fields it holds no spaces, quotes, backslashes
     *     or commas (which readers may add or remove when they derive a value)
     */
    public record Literal(Set<String> fields, String text) {
        public Literal {
            fields = Set.copyOf(fields);
            if (text.isEmpty() || !text.equals(text.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("literal must be non-empty lower case: " + text);
            }
        }

        /** Whether the literal may be found anywhere rather than in given fields. */
        public boolean anywhere() {
            return fields.isEmpty();
        }
    }

    /** The literals of either: an event passes when it passes one of them. */
    public FieldLiterals or(FieldLiterals other) {
        List<List<Literal>> both = new ArrayList<>(alternatives);
        both.addAll(other.alternatives);
        return new FieldLiterals(both);
    }
}
