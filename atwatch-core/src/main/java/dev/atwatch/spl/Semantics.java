package dev.atwatch.spl;

import java.util.Locale;

/** How a query reads events: exactly as Splunk, or with field and sourcetype aliases. */
public enum Semantics {
    /** Exactly the documented SPL semantics over the fields an event has. */
    SPLUNK("splunk"),
    /** The same, plus the aliases of a {@link dev.atwatch.event.FieldAliases} table. */
    PORTABLE("portable");

    private final String id;

    Semantics(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * The semantics named {@code id}, ignoring case.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Semantics byId(String id) {
        for (Semantics semantics : values()) {
            if (semantics.id.equalsIgnoreCase(id)) {
                return semantics;
            }
        }
        throw new IllegalArgumentException(
                "unknown semantics '" + id + "'; expected splunk or portable");
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
