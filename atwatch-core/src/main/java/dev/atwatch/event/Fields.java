package dev.atwatch.event;

/** Read access to named fields, shared by events and by result rows. */
public interface Fields {

    /** The value of {@code name}, or {@code null} when the field is absent. Names are exact. */
    FieldValue get(String name);

    /** The names of the fields present, in insertion order. */
    Iterable<String> names();
}
