package dev.atwatch.read;

/**
 * Named limits on untrusted input. Each limit has a name, shown in the rejection it causes, by
 * which the user raises it ({@code --limit NAME=VALUE}).
 *
 * @param maxLineBytes longest line of a line-oriented format ({@value #LINE_BYTES})
 * @param maxRecordBytes largest single record, such as one XML event or one classic event ({@value
 *     #RECORD_BYTES})
 * @param maxFieldsPerEvent most fields one event may carry ({@value #FIELDS_PER_EVENT})
 * @param maxValuesPerField most values of one multivalue field ({@value #VALUES_PER_FIELD})
 * @param maxNesting deepest nesting of XML elements, JSON containers or BinXML templates ({@value
 *     #NESTING})
 * @param maxValueChars longest single field value, in characters ({@value #VALUE_CHARS})
 */
public record ReadLimits(
        int maxLineBytes,
        int maxRecordBytes,
        int maxFieldsPerEvent,
        int maxValuesPerField,
        int maxNesting,
        int maxValueChars) {

    public static final String LINE_BYTES = "line-bytes";
    public static final String RECORD_BYTES = "record-bytes";
    public static final String FIELDS_PER_EVENT = "fields-per-event";
    public static final String VALUES_PER_FIELD = "values-per-field";
    public static final String NESTING = "nesting";
    public static final String VALUE_CHARS = "value-chars";

    public static final ReadLimits DEFAULTS =
            new ReadLimits(8 << 20, 16 << 20, 4096, 1024, 64, 1 << 20);

    /** Returns a copy with the limit called {@code name} set to {@code value}. */
    public ReadLimits with(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("limit " + name + " must be positive: " + value);
        }
        return switch (name) {
            case LINE_BYTES ->
                    new ReadLimits(
                            value,
                            maxRecordBytes,
                            maxFieldsPerEvent,
                            maxValuesPerField,
                            maxNesting,
                            maxValueChars);
            case RECORD_BYTES ->
                    new ReadLimits(
                            maxLineBytes,
                            value,
                            maxFieldsPerEvent,
                            maxValuesPerField,
                            maxNesting,
                            maxValueChars);
            case FIELDS_PER_EVENT ->
                    new ReadLimits(
                            maxLineBytes,
                            maxRecordBytes,
                            value,
                            maxValuesPerField,
                            maxNesting,
                            maxValueChars);
            case VALUES_PER_FIELD ->
                    new ReadLimits(
                            maxLineBytes,
                            maxRecordBytes,
                            maxFieldsPerEvent,
                            value,
                            maxNesting,
                            maxValueChars);
            case NESTING ->
                    new ReadLimits(
                            maxLineBytes,
                            maxRecordBytes,
                            maxFieldsPerEvent,
                            maxValuesPerField,
                            value,
                            maxValueChars);
            case VALUE_CHARS ->
                    new ReadLimits(
                            maxLineBytes,
                            maxRecordBytes,
                            maxFieldsPerEvent,
                            maxValuesPerField,
                            maxNesting,
                            value);
            default ->
                    throw new IllegalArgumentException(
                            "unknown limit '"
                                    + name
                                    + "'; known limits: "
                                    + String.join(", ", NAMES));
        };
    }

    public static final java.util.List<String> NAMES =
            java.util.List.of(
                    LINE_BYTES,
                    RECORD_BYTES,
                    FIELDS_PER_EVENT,
                    VALUES_PER_FIELD,
                    NESTING,
                    VALUE_CHARS);

    /**
     * A rejection detail for exceeding limit {@code name}: the value, the limit, how to raise it.
     */
    public static String exceeded(String name, long actual, long limit) {
        return name
                + " limit exceeded: "
                + actual
                + " > "
                + limit
                + " (raise with --limit "
                + name
                + "=N)";
    }
}
