package dev.atwatch.spl.eval;

import dev.atwatch.spl.ast.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts, per alias, the events whose result an alias changed, and keeps the first place of the
 * query text where it did. A search test records the aliases it used; the caller counts them when
 * the result without aliases differs. An eval read counts when it got its value only through an
 * alias, once per alias and result.
 */
final class AliasTally implements MatchScope {

    /** An alias that supplied a value to the term or field read at {@code where} (or null). */
    private record Use(String description, Span where) {}

    private final boolean enabled;
    private final Map<String, Long> hits = new TreeMap<>();
    private final Map<String, Span> places = new HashMap<>();
    private final List<Use> used = new ArrayList<>();
    private final Set<String> countedForRecord = new HashSet<>();
    private Record countedRecord;

    AliasTally(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean aliasesOn() {
        return enabled;
    }

    @Override
    public void aliasUsed(String description, Span where) {
        used.add(new Use(description, where));
    }

    /** Runs {@code predicate} and counts the aliases it used when they changed its answer. */
    boolean test(SearchPredicate predicate, dev.atwatch.event.Fields fields) {
        used.clear();
        boolean result = predicate.test(fields, this);
        if (!used.isEmpty() && predicate.test(fields, MatchScope.OFF) != result) {
            Set<String> counted = new HashSet<>();
            for (Use use : used) {
                if (counted.add(use.description())) {
                    hits.merge(use.description(), 1L, Long::sum);
                }
                place(use.description(), use.where());
            }
        }
        return result;
    }

    /** Counts an eval read of {@code record}, at {@code where}, that got its value by an alias. */
    void evalRead(Record record, String description, Span where) {
        if (record != countedRecord) {
            countedRecord = record;
            countedForRecord.clear();
        }
        if (countedForRecord.add(description)) {
            hits.merge(description, 1L, Long::sum);
        }
        place(description, where);
    }

    /** Keeps the earliest place in the query text where {@code description} changed a result. */
    private void place(String description, Span where) {
        if (where != null) {
            places.merge(description, where, (a, b) -> a.start() <= b.start() ? a : b);
        }
    }

    Map<String, Long> hits() {
        return hits;
    }

    Map<String, Span> places() {
        return places;
    }
}
