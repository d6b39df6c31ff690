package dev.atwatch.spl.eval;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Fields;
import dev.atwatch.event.Provenance;
import java.util.LinkedHashMap;
import java.util.Map;

/** A result being worked on by the pipeline: ordered, changeable fields and a provenance. */
final class Record implements Fields {

    private Map<String, FieldValue> fields;
    private final Provenance provenance;

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

    void replace(Map<String, FieldValue> replacement) {
        fields = replacement;
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
