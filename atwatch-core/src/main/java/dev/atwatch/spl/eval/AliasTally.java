package dev.atwatch.spl.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts, per alias, the events whose result an alias changed. A search test records the aliases it
 * used; the caller counts them when the result without aliases differs. An eval read counts when it
 * got its value only through an alias, once per alias and result.
 */
final class AliasTally implements MatchScope {

    private final boolean enabled;
    private final Map<String, Long> hits = new TreeMap<>();
    private final List<String> used = new ArrayList<>();
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
    public void aliasUsed(String description) {
        used.add(description);
    }

    /** Runs {@code predicate} and counts the aliases it used when they changed its answer. */
    boolean test(SearchPredicate predicate, dev.atwatch.event.Fields fields) {
        used.clear();
        boolean result = predicate.test(fields, this);
        if (!used.isEmpty() && predicate.test(fields, MatchScope.OFF) != result) {
            for (String description : new HashSet<>(used)) {
                hits.merge(description, 1L, Long::sum);
            }
        }
        return result;
    }

    /** Counts an eval read of {@code record} that got its value through an alias. */
    void evalRead(Record record, String description) {
        if (record != countedRecord) {
            countedRecord = record;
            countedForRecord.clear();
        }
        if (countedForRecord.add(description)) {
            hits.merge(description, 1L, Long::sum);
        }
    }

    Map<String, Long> hits() {
        return hits;
    }
}
