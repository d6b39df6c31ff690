package dev.atwatch.spl.eval;

import dev.atwatch.event.Event;
import dev.atwatch.spl.ast.Span;
import dev.atwatch.spl.func.Evaluator;
import dev.atwatch.spl.func.Values;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts, per alias, the results an alias changed; each alias at most once per result. An alias
 * changed a result when:
 *
 * <ul>
 *   <li>a search or a where kept the result only because of it, or dropped it only because of it
 *       (without aliases the answer is the opposite);
 *   <li>a field of a final result row, among the result's columns, has a value that came from it:
 *       without aliases an eval would have given that field another value or none (a value an alias
 *       gave but the eval would have found anyway, as in {@code coalesce(Image, NewProcessName)},
 *       does not count);
 *   <li>stats read such a field of a result (a by-field or an aggregated field).
 * </ul>
 *
 * Values that only order or deduplicate results are not traced. For each alias counted, the first
 * place of the query text where it was read is kept, when known (the search term, or the eval or
 * where field read).
 */
final class AliasTally implements MatchScope {

    private final boolean enabled;
    private final Map<String, Long> hits = new TreeMap<>();
    private final Map<String, Span> places = new HashMap<>();
    private final Set<String> used = new LinkedHashSet<>();
    private final Map<String, Span> usedAt = new HashMap<>();
    private final WithoutAliases without;

    AliasTally(boolean enabled, double now) {
        this.enabled = enabled;
        this.without = new WithoutAliases(now);
    }

    @Override
    public boolean aliasesOn() {
        return enabled;
    }

    @Override
    public void aliasUsed(String description, Span where) {
        used.add(description);
        if (where != null) {
            usedAt.putIfAbsent(description, where);
        }
    }

    /**
     * Runs the first search on {@code event}; returns its result, or {@code null} when the search
     * drops it. Counts the aliases that decided either way.
     */
    Record first(SearchPredicate predicate, Event event) {
        used.clear();
        usedAt.clear();
        boolean kept = predicate.test(event, this);
        boolean decided = !used.isEmpty() && predicate.test(event, MatchScope.OFF) != kept;
        if (!kept && !decided) {
            return null;
        }
        Record record = Record.of(event);
        if (decided) {
            count(record, used, usedAt);
        }
        return kept ? record : null;
    }

    /** Runs a later search on {@code record}, counting the aliases that decided its answer. */
    boolean test(SearchPredicate predicate, Record record) {
        used.clear();
        usedAt.clear();
        boolean kept = predicate.test(record, this);
        if (used.isEmpty() && record.changedFields().isEmpty()) {
            return kept;
        }
        without.bind(record);
        if (predicate.test(without, MatchScope.OFF) != kept) {
            used.addAll(without.touched());
            count(record, used, usedAt);
        }
        return kept;
    }

    /**
     * Evaluates a where condition on the record {@code scope} is bound to, counting the aliases
     * that decided whether it holds.
     */
    boolean where(Evaluator condition, RowScope scope, Record record) {
        scope.clearTouched();
        boolean kept = Values.isTrue(condition.eval(scope));
        if (scope.touched().isEmpty()) {
            return kept;
        }
        Set<String> relied = new LinkedHashSet<>(scope.touched());
        without.bind(record);
        if (Values.isTrue(condition.eval(without)) != kept) {
            count(record, relied, scope.places());
        }
        return kept;
    }

    /**
     * Evaluates {@code value} on the record {@code scope} is bound to and notes, on the record, how
     * aliases changed field {@code target}; returns the value.
     */
    Object eval(String target, Evaluator value, RowScope scope, Record record) {
        scope.clearTouched();
        Object result = value.eval(scope);
        AliasEffect effect = null;
        if (!scope.touched().isEmpty()) {
            Set<String> relied = new LinkedHashSet<>(scope.touched());
            without.bind(record);
            Object other = value.eval(without);
            if (!Objects.equals(Values.toField(result), Values.toField(other))) {
                effect = new AliasEffect(relied, Values.toField(other), scope.places());
            }
        }
        record.setEffect(target, effect);
        return result;
    }

    /** Counts the aliases behind the changed fields among {@code fields} of {@code record}. */
    void countFields(Record record, List<String> fields) {
        for (String field : fields) {
            AliasEffect effect = record.effect(field);
            if (effect != null) {
                count(record, effect.aliases(), effect.places());
            }
        }
    }

    private void count(Record record, Collection<String> aliases, Map<String, Span> where) {
        if (!enabled) {
            return;
        }
        for (String alias : aliases) {
            if (record.markCounted(alias)) {
                hits.merge(alias, 1L, Long::sum);
            }
            Span place = where.get(alias);
            if (place != null) {
                places.merge(alias, place, (a, b) -> a.start() <= b.start() ? a : b);
            }
        }
    }

    Map<String, Long> hits() {
        return hits;
    }

    /** The earliest place of the query text where each counted alias was read, when known. */
    Map<String, Span> places() {
        return places;
    }
}
