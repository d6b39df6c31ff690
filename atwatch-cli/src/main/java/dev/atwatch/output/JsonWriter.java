package dev.atwatch.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.atwatch.event.FieldValue;
import java.io.IOException;
import java.io.Writer;
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
        JsonGenerator json = JSON.createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (!lines) {
            json.writeStartArray();
        }
        for (Map<String, FieldValue> row : table.rows()) {
            writeObject(json, table, row);
            if (lines) {
                json.flush();
                out.write('\n');
            }
        }
        if (!lines) {
            json.writeEndArray();
            json.flush();
            out.write('\n');
        }
        json.close();
        out.flush();
    }

    private static void writeObject(
            JsonGenerator json, ResultTable table, Map<String, FieldValue> row) throws IOException {
        json.writeStartObject();
        for (String column : table.columns()) {
            FieldValue value = row.get(column);
            if (value != null) {
                json.writeFieldName(column);
                writeValue(json, column, value);
            }
        }
        json.writeEndObject();
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
