package dev.atwatch.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atwatch.event.FieldValue;
import dev.atwatch.output.JsonWriter;
import dev.atwatch.output.ResultTable;
import dev.atwatch.output.html.Explanation;
import dev.atwatch.output.html.ReportAlert;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --explain} output: for a table, a block below it naming each row's matched search
 * alternatives and fired score factors; for JSON, each row's object with an {@code explain} object
 * ({@code branches}, {@code factors}).
 */
final class ExplainOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExplainOutput() {}

    /** Writes the explanation block of {@code alerts}, numbered as the table's rows. */
    static void text(List<ReportAlert> alerts, Writer out) throws IOException {
        out.write("\nexplain:\n");
        for (int i = 0; i < alerts.size(); i++) {
            ReportAlert alert = alerts.get(i);
            out.write(
                    String.format(
                            Locale.ROOT,
                            "  #%d %s %s %s%n",
                            i + 1,
                            alert.ruleId(),
                            alert.field("_time"),
                            alert.field("host")));
            Explanation explain = alert.explain();
            if (explain.branches().isEmpty()) {
                out.write("    search: (the event behind this row was not kept)\n");
            }
            for (String branch : explain.branches()) {
                out.write("    search matched: " + flat(branch) + "\n");
            }
            for (Explanation.Factor factor : explain.factors()) {
                out.write("    " + flat(factor.describe()) + "\n");
            }
        }
        out.flush();
    }

    /**
     * Writes each row of {@code table} as a JSON object with the {@code explain} object of the
     * alert at the same index of {@code alerts}, which must hold one alert per row.
     */
    static JsonWriter.RowWriter rows(ResultTable table, List<ReportAlert> alerts) {
        if (alerts.size() != table.rows().size()) {
            throw new IllegalArgumentException(
                    alerts.size() + " explained alerts for " + table.rows().size() + " rows");
        }
        return (json, i) ->
                row(json, table.columns(), table.rows().get(i), alerts.get(i).explain());
    }

    private static void row(
            JsonGenerator json,
            List<String> columns,
            Map<String, FieldValue> row,
            Explanation explain)
            throws IOException {
        json.writeStartObject();
        JsonWriter.writeFields(json, columns, row);
        json.writeFieldName("explain");
        JSON.writeValue(json, explain);
        json.writeEndObject();
    }

    /** Control characters from logs would break the terminal's layout. */
    private static String flat(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return out.toString();
    }
}
