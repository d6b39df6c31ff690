package dev.atwatch.output;

import dev.atwatch.event.FieldValue;
import java.util.List;
import java.util.Map;

/**
 * Rows to write, with the column order to write them in. A row lacks a key when the field is
 * absent; writers show an absent field as an empty cell (table, CSV) or omit it (JSON).
 */
public record ResultTable(List<String> columns, List<Map<String, FieldValue>> rows) {}
