package dev.atwatch.spl.eval;

import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Fields;
import dev.atwatch.spl.func.Scope;
import dev.atwatch.spl.func.Values;
import java.util.LinkedHashSet;
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
    private Record record;

    RowScope(FieldAliases aliases, boolean aliasesOn, double now) {
        this.aliases = aliases;
        this.aliasesOn = aliasesOn;
        this.now = now;
    }

    /** Evaluates against {@code current} from now on, with no alias noted yet. */
    void bind(Record current) {
        this.record = current;
        touched.clear();
    }

    /** Forgets the aliases noted so far, before the next evaluation on the same result. */
    void clearTouched() {
        touched.clear();
    }

    /** The aliases the evaluations since {@link #bind} or {@link #clearTouched} relied on. */
    Set<String> touched() {
        return touched;
    }

    @Override
    public Object field(String name) {
        FieldValue value = get(name);
        if (value == null && aliasesOn) {
            for (FieldAliases.Alias alias : aliases.aliasesOf(name)) {
                value = alias.read(record);
                if (value != null) {
                    touched.add(alias.description());
                    break;
                }
            }
        }
        return Values.of(value);
    }

    @Override
    public FieldValue get(String name) {
        AliasEffect effect = record.effect(name);
        if (effect != null) {
            touched.addAll(effect.aliases());
        }
        return record.get(name);
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
    public void aliasUsed(String description) {
        touched.add(description);
    }
}
