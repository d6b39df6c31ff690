package dev.atwatch.read;

import java.util.Optional;

/**
 * A cheap test on a record's bytes, applied by readers before they parse the record. A record it
 * rejects cannot produce an event that any search of the run would keep, so the reader skips it and
 * reports it through {@link RecordSink#prefiltered}. The test must be sound for the encoding named:
 * it may pass records the searches reject, never reject one they keep.
 */
public interface RecordFilter {

    /** How a record's bytes hold its field values. */
    enum Encoding {
        /** JSON text: values in UTF-8, with {@code \} written {@code \\} and {@code "} escaped. */
        JSON,
        /** XML text: values in UTF-8, markup characters written as entities. */
        XML,
        /** Values as UTF-16LE strings with no escaping (EVTX substitution values). */
        UTF16LE
    }

    /** The filter that passes every record. */
    RecordFilter ALL =
            new RecordFilter() {
                @Override
                public boolean acceptsEverything() {
                    return true;
                }

                @Override
                public boolean mayMatch(Encoding encoding, byte[] bytes, int offset, int length) {
                    return true;
                }
            };

    /** True when the filter passes every record; readers then skip calling it. */
    boolean acceptsEverything();

    /** Whether the record in {@code bytes[offset, offset+length)} may match. */
    boolean mayMatch(Encoding encoding, byte[] bytes, int offset, int length);

    /**
     * The filter in terms of fields, for readers of {@code key=value} text formats; empty when it
     * passes every record of such formats.
     */
    default Optional<FieldLiterals> fieldLiterals() {
        return Optional.empty();
    }
}
