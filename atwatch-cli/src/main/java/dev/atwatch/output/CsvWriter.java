package dev.atwatch.output;

import dev.atwatch.event.FieldValue;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * CSV as RFC 4180 describes it: a header row, CRLF line ends, fields quoted when they hold a comma,
 * a quote, CR or LF, quotes doubled. Multivalues are joined with LF, as Splunk exports them.
 */
public final class CsvWriter implements ResultWriter {

    @Override
    public void write(ResultTable table, Writer out) throws IOException {
        writeRow(table.columns(), out);
        for (Map<String, FieldValue> row : table.rows()) {
            List<String> cells =
                    table.columns().stream()
                            .map(column -> Values.text(column, row.get(column), "\n"))
                            .toList();
            writeRow(cells, out);
        }
        out.flush();
    }

    private static void writeRow(List<String> cells, Writer out) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** Quotes {@code cell} when RFC 4180 requires it. */
    static String quote(String cell) {
        boolean plain =
                cell.indexOf(',') < 0
                        && cell.indexOf('"') < 0
                        && cell.indexOf('\n') < 0
                        && cell.indexOf('\r') < 0;
        return plain ? cell : '"' + cell.replace("\"", "\"\"") + '"';
    }
}
