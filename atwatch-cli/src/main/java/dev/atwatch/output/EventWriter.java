package dev.atwatch.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes events one at a time as {@code atwatch convert} does: JSON lines (every field as a key),
 * XML (Windows events as their own XML, other events as {@code <event>} elements with one {@code
 * <field>} per value) or CSV rows under a header given up front.
 */
public abstract class EventWriter implements AutoCloseable {

    protected final Writer out;
    protected final boolean withRaw;

    protected EventWriter(Writer out, boolean withRaw) {
        this.out = out;
        this.withRaw = withRaw;
    }

    public abstract void write(Event event) throws IOException;

    @Override
    public void close() throws IOException {
        out.flush();
    }

    protected boolean skip(String name) {
        return !withRaw && Event.RAW.equals(name);
    }

    /** One JSON object per line. */
    public static final class JsonLines extends EventWriter {
        private final JsonGenerator json;

        public JsonLines(Writer out, boolean withRaw) throws IOException {
            super(out, withRaw);
            this.json = new JsonFactory().createGenerator(out);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        }

        @Override
        public void write(Event event) throws IOException {
            json.writeStartObject();
            for (String name : event.names()) {
                if (!skip(name)) {
                    json.writeFieldName(name);
                    JsonWriter.writeValue(json, name, event.get(name));
                }
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }

        @Override
        public void close() throws IOException {
            json.flush();
            json.close();
            super.close();
        }
    }

    /** An {@code <Events>} document. */
    public static final class Xml extends EventWriter {

        public Xml(Writer out, boolean withRaw) throws IOException {
            super(out, withRaw);
            out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>\n");
        }

        @Override
        public void write(Event event) throws IOException {
            String raw = event.raw();
            if (raw != null && raw.startsWith("<Event")) {
                out.write(raw);
                out.write('\n');
                return;
            }
            out.write("<event>");
            for (String name : event.names()) {
                if (skip(name)) {
                    continue;
                }
                for (String value : Values.text(name, event.get(name), "\u0000").split("\u0000")) {
                    out.write("<field name=\"");
                    out.write(escape(name));
                    out.write("\">");
                    out.write(escape(value));
                    out.write("</field>");
                }
            }
            out.write("</event>\n");
        }

        @Override
        public void close() throws IOException {
            out.write("</Events>\n");
            super.close();
        }

        static String escape(String text) {
            StringBuilder escaped = new StringBuilder(text.length() + 16);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '<' -> escaped.append("&lt;");
                    case '>' -> escaped.append("&gt;");
                    case '&' -> escaped.append("&amp;");
                    case '"' -> escaped.append("&quot;");
                    default -> {
                        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                            escaped.append("&#x").append(Integer.toHexString(c)).append(';');
                        } else {
                            escaped.append(c);
                        }
                    }
                }
            }
            return escaped.toString();
        }
    }

    /** CSV rows (RFC 4180) under a header fixed before the first event. */
    public static final class Csv extends EventWriter {
        private final List<String> columns;

        public Csv(Writer out, List<String> columns) throws IOException {
            super(out, columns.contains(Event.RAW));
            this.columns = columns;
            writeRow(columns);
        }

        @Override
        public void write(Event event) throws IOException {
            String[] cells = new String[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                FieldValue value = event.get(columns.get(i));
                cells[i] = Values.text(columns.get(i), value, "\n");
            }
            writeRow(List.of(cells));
        }

        private void writeRow(List<String> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(CsvWriter.quote(cells.get(i)));
            }
            out.write("\r\n");
        }
    }
}
