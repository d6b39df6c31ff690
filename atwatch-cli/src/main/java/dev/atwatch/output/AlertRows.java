package dev.atwatch.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.atwatch.atjob.AtJob;
import dev.atwatch.detect.Alert;
import dev.atwatch.event.FieldValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alerts as the rows that outputs show: {@code rule}, the rule's columns, the parsed at job's
 * {@code Job*} fields when the row shows an at invocation, and {@code source}.
 */
public final class AlertRows {

    private AlertRows() {}

    /** The row of one alert, {@code source} last (absent when its location is not known). */
    public static Map<String, FieldValue> row(Alert alert) {
        Map<String, FieldValue> row = new LinkedHashMap<>();
        row.put("rule", FieldValue.of(alert.rule().id()));
        row.putAll(alert.fields());
        alert.jobFields().forEach((name, value) -> row.putIfAbsent(name, jobValue(name, value)));
        String source = alert.sourceText();
        if (!source.isEmpty()) {
            row.put("source", FieldValue.of(source));
        }
        return row;
    }

    /** The rows of {@code alerts}, with every column any of them has, {@code source} last. */
    public static ResultTable table(List<Alert> alerts) {
        Set<String> columns = new LinkedHashSet<>();
        List<Map<String, FieldValue>> rows = new ArrayList<>();
        for (Alert alert : alerts) {
            Map<String, FieldValue> row = row(alert);
            columns.addAll(row.keySet());
            rows.add(row);
        }
        if (columns.remove("source")) {
            columns.add("source");
        }
        return new ResultTable(List.copyOf(columns), rows);
    }

    /** One alert as a JSON object, as a line of {@code --format jsonl} holds it. */
    public static String json(Alert alert) {
        ResultTable table = table(List.of(alert));
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JsonWriter.generator(text)) {
            JsonWriter.rows(table).write(json, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /**
     * A parsed job field as a value: {@code JobInteractive} is the number 1 or 0, the rest text.
     */
    public static FieldValue jobValue(String name, String value) {
        if (name.equals(AtJob.FIELD_INTERACTIVE)) {
            return FieldValue.of(Double.parseDouble(value));
        }
        return FieldValue.of(value);
    }
}
