package dev.atwatch.spl.eval;

import dev.atwatch.event.FieldAliases;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Fields;
import dev.atwatch.spl.ast.Span;
import dev.atwatch.spl.func.Scope;
import dev.atwatch.spl.func.Values;

/**
 * The scope of eval and where for one result; reads fall back to aliases under portable semantics.
 */
final class RowScope implements Scope, MatchScope {

    private final FieldAliases aliases;
    private final AliasTally tally;
    private final double now;
    private Record record;

    RowScope(FieldAliases aliases, AliasTally tally, double now) {
        this.aliases = aliases;
        this.tally = tally;
        this.now = now;
    }

    void bind(Record current) {
        this.record = current;
    }

    @Override
    public Object field(String name) {
        return field(name, null);
    }

    @Override
    public Object field(String name, Span where) {
        FieldValue value = record.get(name);
        if (value == null && tally.aliasesOn()) {
            for (FieldAliases.Alias alias : aliases.aliasesOf(name)) {
                value = alias.read(record);
                if (value != null) {
                    tally.evalRead(record, alias.description(), where);
                    break;
                }
            }
        }
        return Values.of(value);
    }

    @Override
    public Fields fields() {
        return record;
    }

    @Override
    public double now() {
        return now;
    }

    @Override
    public boolean aliasesOn() {
        return tally.aliasesOn();
    }

    @Override
    public void aliasUsed(String description, Span where) {
        tally.evalRead(record, description, where);
    }
}
