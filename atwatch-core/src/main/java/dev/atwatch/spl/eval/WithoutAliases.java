package dev.atwatch.spl.eval;

import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Fields;
import dev.atwatch.spl.ast.Span;
import dev.atwatch.spl.func.Scope;
import dev.atwatch.spl.func.Values;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A result as it would be without aliases: fields an alias changed read as their {@link
 * AliasEffect#without()} value, and no alias is tried. Expressions and searches evaluated against
 * it give the answer aliases are compared with; it notes the aliases behind the fields it read.
 */
final class WithoutAliases implements Scope, MatchScope, Fields {

    private final double now;
    private final Set<String> touched = new LinkedHashSet<>();
    private Record record;

    WithoutAliases(double now) {
        this.now = now;
    }

    /** Reads {@code current} from now on, with no alias noted yet. */
    void bind(Record current) {
        record = current;
        touched.clear();
    }

    /** The aliases behind the changed fields read since {@link #bind}. */
    Set<String> touched() {
        return touched;
    }

    @Override
    public FieldValue get(String name) {
        AliasEffect effect = record.effect(name);
        if (effect == null) {
            return record.get(name);
        }
        touched.addAll(effect.aliases());
        return effect.without();
    }

    @Override
    public Iterable<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (String name : record.names()) {
            AliasEffect effect = record.effect(name);
            if (effect == null || effect.without() != null) {
                names.add(name);
            }
        }
        for (String name : record.changedFields()) {
            if (record.effect(name).without() != null) {
                names.add(name);
            }
        }
        return names;
    }

    @Override
    public Object field(String name) {
        return Values.of(get(name));
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
        return false;
    }

    @Override
    public void aliasUsed(String description, Span where) {}
}
