package dev.atwatch.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.atwatch.event.FieldValue;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * JSON output: an array of objects, or one object per line ({@code jsonl}). Keys are the row's
 * fields in column order; numbers stay numbers (integers without a decimal point), multivalues
 * become arrays, {@code _time} the ISO-8601 string tables show. Absent fields are omitted.
 */
public final class JsonWriter implements ResultWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final boolean lines;

    public JsonWriter(boolean lines) {
        this.lines = lines;
    }

    @Override
    public void write(ResultTable table, Writer out) throws IOException {
        writeRows(generator(out), out, lines, table.rows().size(), rows(table));
    }

    /** A generator writing compact JSON to {@code out}. */
    public static JsonGenerator generator(Writer out) throws IOException {
        return JSON.createGenerator(out);
    }

    /** Writes each row of {@code table} as one object, its fields in column order. */
    public static RowWriter rows(ResultTable table) {
        List<Map<String, FieldValue>> rows = table.rows();
        return (json, i) -> {
            json.writeStartObject();
            writeFields(json, table.columns(), rows.get(i));
            json.writeEndObject();
        };
    }

    /** Writes the row with a given index through a generator. */
    @FunctionalInterface
    public interface RowWriter {
        /** Writes row {@code index} as one JSON value through {@code json}. */
        void write(JsonGenerator json, int index) throws IOException;
    }

    /**
     * Writes rows {@code 0..count-1} through {@code json}, which writes to {@code out}: as one
     * array followed by a newline, or (when {@code lines}) each row followed by a newline and
     * nothing else, so that every line is exactly one JSON object. Closes {@code json} but not
     * {@code out}, and flushes {@code out}.
     */
    public static void writeRows(
            JsonGenerator json, Writer out, boolean lines, int count, RowWriter row)
            throws IOException {
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null); // each line starts with its value, not a space
        if (lines) {
            for (int i = 0; i < count; i++) {
                row.write(json, i);
                json.flush();
                out.write('\n');
            }
        } else {
            writeArray(json, count, row);
            json.flush();
            out.write('\n');
        }
        json.close();
        out.flush();
    }

    /** Writes rows {@code 0..count-1} through {@code json} as one array, with no newline. */
    public static void writeArray(JsonGenerator json, int count, RowWriter row) throws IOException {
        json.writeStartArray();
        for (int i = 0; i < count; i++) {
            row.write(json, i);
        }
        json.writeEndArray();
    }

    /** Writes the fields of {@code row} present in {@code columns}, in that order. */
    public static void writeFields(
            JsonGenerator json, List<String> columns, Map<String, FieldValue> row)
            throws IOException {
        for (String column : columns) {
            FieldValue value = row.get(column);
            if (value != null) {
                json.writeFieldName(column);
                writeValue(json, column, value);
            }
        }
    }

    /** Writes one value: number, string, ISO time for {@code _time}, or an array of strings. */
    public static void writeValue(JsonGenerator json, String column, FieldValue value)
            throws IOException {
        if (value instanceof FieldValue.Number n) {
            if ("_time".equals(column)) {
                json.writeString(Values.isoTime(n.value()));
            } else if (n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15) {
                json.writeNumber((long) n.value());
            } else {
                json.writeNumber(n.value());
            }
        } else if (value instanceof FieldValue.MultiValue m) {
            json.writeStartArray();
            for (String item : m.values()) {
                json.writeString(item);
            }
            json.writeEndArray();
        } else {
            json.writeString(value.asString());
        }
    }
}
