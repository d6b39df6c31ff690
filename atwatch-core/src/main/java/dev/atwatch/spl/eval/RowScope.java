package dev.atwatch.spl.eval;

import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Fields;
import dev.atwatch.spl.ast.Span;
import dev.atwatch.spl.func.Scope;
import dev.atwatch.spl.func.Values;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The scope of eval and where for one result; reads fall back to aliases under portable semantics.
 * It notes the aliases an evaluation relied on: those it read a value through, and those behind the
 * fields it read that aliases had changed, so that the stage can compare the answer with the one
 * {@link WithoutAliases} gives.
 */
final class RowScope implements Scope, MatchScope, Fields {

    private final FieldAliases aliases;
    private final boolean aliasesOn;
    private final double now;
    private final Set<String> touched = new LinkedHashSet<>();
    private final Map<String, Span> places = new HashMap<>();
    private Record record;

    RowScope(FieldAliases aliases, boolean aliasesOn, double now) {
        this.aliases = aliases;
        this.aliasesOn = aliasesOn;
        this.now = now;
    }

    /** Evaluates against {@code current} from now on, with no alias noted yet. */
    void bind(Record current) {
        this.record = current;
        clearTouched();
    }

    /** Forgets the aliases noted so far, before the next evaluation on the same result. */
    void clearTouched() {
        touched.clear();
        places.clear();
    }

    /** The aliases the evaluations since {@link #bind} or {@link #clearTouched} relied on. */
    Set<String> touched() {
        return touched;
    }

    /** Where in the query text the aliases of {@link #touched()} were read, when known. */
    Map<String, Span> places() {
        return places;
    }

    @Override
    public Object field(String name) {
        return field(name, null);
    }

    @Override
    public Object field(String name, Span where) {
        FieldValue value = read(name, where);
        if (value == null && aliasesOn) {
            for (FieldAliases.Alias alias : aliases.aliasesOf(name)) {
                value = alias.read(record);
                if (value != null) {
                    note(alias.description(), where);
                    break;
                }
            }
        }
        return Values.of(value);
    }

    @Override
    public FieldValue get(String name) {
        return read(name, null);
    }

    /** The field's value, noting the aliases that changed it (placed at {@code where}). */
    private FieldValue read(String name, Span where) {
        AliasEffect effect = record.effect(name);
        if (effect != null) {
            for (String alias : effect.aliases()) {
                note(alias, effect.places().getOrDefault(alias, where));
            }
        }
        return record.get(name);
    }

    private void note(String alias, Span where) {
        touched.add(alias);
        if (where != null) {
            places.putIfAbsent(alias, where);
        }
    }

    @Override
    public Iterable<String> names() {
        return record.names();
    }

    @Override
    public Fields fields() {
        return this;
    }

    @Override
    public double now() {
        return now;
    }

    @Override
    public boolean aliasesOn() {
        return aliasesOn;
    }

    @Override
    public void aliasUsed(String description, Span where) {
        note(description, where);
    }
}
