package dev.atwatch.spl.eval;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Fields;
import dev.atwatch.event.Provenance;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A result being worked on by the pipeline: ordered, changeable fields and a provenance; under
 * portable semantics also the fields whose value aliases changed, and the aliases already counted
 * for it.
 */
final class Record implements Fields {

    private Map<String, FieldValue> fields;
    private final Provenance provenance;
    private Map<String, AliasEffect> effects;
    private Set<String> counted;

    Record(Map<String, FieldValue> fields, Provenance provenance) {
        this.fields = fields;
        this.provenance = provenance;
    }

    static Record of(Event event) {
        return new Record(event.toMap(), event.provenance());
    }

    @Override
    public FieldValue get(String name) {
        return fields.get(name);
    }

    @Override
    public Iterable<String> names() {
        return fields.keySet();
    }

    Map<String, FieldValue> map() {
        return fields;
    }

    /** Replaces the fields; alias effects of fields that are gone are forgotten. */
    void replace(Map<String, FieldValue> replacement) {
        fields = replacement;
        if (effects != null) {
            effects.keySet().retainAll(replacement.keySet());
        }
    }

    /** How aliases changed field {@code name}, or {@code null} when they did not. */
    AliasEffect effect(String name) {
        return effects == null ? null : effects.get(name);
    }

    /** Sets how aliases changed field {@code name}; {@code null} says they did not. */
    void setEffect(String name, AliasEffect effect) {
        if (effect != null) {
            if (effects == null) {
                effects = new HashMap<>();
            }
            effects.put(name, effect);
        } else if (effects != null) {
            effects.remove(name);
        }
    }

    /** The names of the fields aliases changed (present or not). */
    Set<String> changedFields() {
        return effects == null ? Set.of() : effects.keySet();
    }

    /** Moves alias effects along with renamed fields ({@code from} name to new name). */
    void renameEffects(Map<String, String> moves) {
        if (effects == null) {
            return;
        }
        Map<String, AliasEffect> moved = new HashMap<>();
        effects.forEach(
                (name, effect) -> {
                    String target = moves.getOrDefault(name, name);
                    if (moves.containsKey(name) || !moves.containsValue(name)) {
                        moved.put(target, effect);
                    }
                });
        effects = moved;
    }

    /** Notes that {@code alias} was counted for this result; false when it already was. */
    boolean markCounted(String alias) {
        if (counted == null) {
            counted = new HashSet<>();
        }
        return counted.add(alias);
    }

    /** Sets {@code name}; a {@code null} value removes the field. */
    void set(String name, FieldValue value) {
        if (value == null) {
            fields.remove(name);
        } else {
            fields.put(name, value);
        }
    }

    Provenance provenance() {
        return provenance;
    }

    /** A fresh ordered map for rebuilding the fields. */
    static Map<String, FieldValue> newMap() {
        return new LinkedHashMap<>();
    }
}
