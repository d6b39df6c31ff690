package dev.atwatch.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event as a reader produced it: Splunk's metadata fields ({@code _time}, {@code _raw}, {@code
 * host}, {@code source}, {@code sourcetype}, {@code index}) and the extracted fields, all reachable
 * through {@link #get}, plus the event's {@link Provenance}.
 *
 * <p>{@code _time} is held as epoch seconds with sub-second precision. Empty values are never
 * stored: {@link Builder#put} ignores them, as Splunk drops empty extractions.
 *
 * <p>An event read from a Splunk search export is {@linkplain #namedBySplunk() named by Splunk}:
 * its {@code sourcetype} and {@code source} are those Splunk gave it, which no {@link Profile}
 * renames.
 */
public final class Event implements Fields {

    public static final String TIME = "_time";
    public static final String RAW = "_raw";
    public static final String HOST = "host";
    public static final String SOURCE = "source";
    public static final String SOURCETYPE = "sourcetype";
    public static final String INDEX = "index";

    private final Map<String, FieldValue> fields;
    private final Provenance provenance;
    private final boolean namedBySplunk;

    private Event(Map<String, FieldValue> fields, Provenance provenance, boolean namedBySplunk) {
        this.fields = fields;
        this.provenance = provenance;
        this.namedBySplunk = namedBySplunk;
    }

    public static Builder builder(Provenance provenance) {
        return new Builder(provenance, 0);
    }

    /**
     * A builder with room for about {@code expectedFields} fields before its table grows, for
     * readers that know roughly how many fields an event will have.
     */
    public static Builder builder(Provenance provenance, int expectedFields) {
        return new Builder(provenance, expectedFields);
    }

    @Override
    public FieldValue get(String name) {
        return fields.get(name);
    }

    @Override
    public Iterable<String> names() {
        return fields.keySet();
    }

    /** The string value of {@code name} (the first of a multivalue), or {@code null}. */
    public String text(String name) {
        FieldValue value = fields.get(name);
        return value == null ? null : value.asString();
    }

    /** Epoch seconds, or {@code NaN} when the reader could not find a time. */
    public double time() {
        return fields.get(TIME) instanceof FieldValue.Number n ? n.value() : Double.NaN;
    }

    public String raw() {
        return text(RAW);
    }

    public Provenance provenance() {
        return provenance;
    }

    /**
     * Whether the metadata is the one Splunk gave the event when it indexed it (a search export),
     * rather than the one a reader derived from the log format.
     */
    public boolean namedBySplunk() {
        return namedBySplunk;
    }

    /** A builder holding a copy of this event's fields, its provenance and its naming. */
    public Builder toBuilder() {
        Builder builder = new Builder(provenance, fields.size());
        builder.fields.putAll(fields);
        builder.namedBySplunk = namedBySplunk;
        return builder;
    }

    /** A copy of the fields, in insertion order, that the caller may change. */
    public Map<String, FieldValue> toMap() {
        return new LinkedHashMap<>(fields);
    }

    /** A builder for one event; re-putting a name replaces, {@link #add} appends a value. */
    public static final class Builder {
        private final Map<String, FieldValue> fields;
        private final Provenance provenance;
        private boolean namedBySplunk;

        private Builder(Provenance provenance, int expectedFields) {
            // a hash table grows past three quarters full; 16 is the default size
            int capacity = Math.max(16, (int) Math.min(1 << 30, expectedFields * 4L / 3 + 1));
            this.fields = new LinkedHashMap<>(capacity);
            this.provenance = provenance;
        }

        public Builder time(double epochSeconds) {
            fields.put(TIME, new FieldValue.Number(epochSeconds));
            return this;
        }

        /**
         * Sets {@code name} to {@code value}; a null or empty value removes nothing and adds
         * nothing.
         */
        public Builder put(String name, String value) {
            if (value != null && !value.isEmpty()) {
                fields.put(name, new FieldValue.Text(value));
            }
            return this;
        }

        public Builder put(String name, FieldValue value) {
            if (value != null) {
                fields.put(name, value);
            }
            return this;
        }

        /** Appends {@code value} to {@code name}, making the field multivalue when it exists. */
        public Builder add(String name, String value) {
            if (value == null || value.isEmpty()) {
                return this;
            }
            FieldValue old = fields.get(name);
            if (old == null) {
                fields.put(name, new FieldValue.Text(value));
            } else {
                List<String> values = new java.util.ArrayList<>(old.strings());
                values.add(value);
                fields.put(name, new FieldValue.MultiValue(values));
            }
            return this;
        }

        /**
         * Sets {@code name} to {@code value} when it has no value yet, and returns {@code null};
         * otherwise changes nothing and returns the value it has. One lookup does both.
         */
        public FieldValue putIfAbsent(String name, FieldValue value) {
            if (value == null) {
                throw new IllegalArgumentException("value must not be null");
            }
            return fields.putIfAbsent(name, value);
        }

        public Builder remove(String name) {
            fields.remove(name);
            return this;
        }

        public FieldValue get(String name) {
            return fields.get(name);
        }

        /** Marks the event's metadata as Splunk's own (see {@link Event#namedBySplunk()}). */
        public Builder namedBySplunk() {
            namedBySplunk = true;
            return this;
        }

        public Event build() {
            return new Event(fields, provenance, namedBySplunk);
        }
    }
}
