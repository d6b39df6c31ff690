package dev.atwatch.output;

import java.io.IOException;
import java.io.Writer;

/** Writes a result table in one output format. */
public interface ResultWriter {

    void write(ResultTable table, Writer out) throws IOException;

    /** The writer for {@code format}: {@code table}, {@code csv}, {@code json} or {@code jsonl}. */
    static ResultWriter forFormat(String format, int width) {
        return switch (format) {
            case "table" -> new TextTableWriter(width);
            case "csv" -> new CsvWriter();
            case "json" -> new JsonWriter(false);
            case "jsonl" -> new JsonWriter(true);
            default -> throw new IllegalArgumentException("unknown output format: " + format);
        };
    }
}
