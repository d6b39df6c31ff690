package dev.atwatch.spl;

import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Fields;
import dev.atwatch.event.Provenance;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One result row: ordered fields and the provenance of the event it came from. */
public final class Row implements Fields {

    private final Map<String, FieldValue> fields;
    private final Provenance provenance;

    /** Copies {@code fields} (in their order); {@code provenance} is null for aggregated rows. */
    public Row(Map<String, FieldValue> fields, Provenance provenance) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.provenance = provenance;
    }

    @Override
    public FieldValue get(String name) {
        return fields.get(name);
    }

    @Override
    public Iterable<String> names() {
        return fields.keySet();
    }

    /** The fields in order, unmodifiable. */
    public Map<String, FieldValue> asMap() {
        return fields;
    }

    /** Where the row's event came from; {@code null} for rows made by {@code stats}. */
    public Provenance provenance() {
        return provenance;
    }

    /** The string value of {@code name} (first of a multivalue), or {@code null}. */
    public String text(String name) {
        FieldValue value = fields.get(name);
        return value == null ? null : value.asString();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
