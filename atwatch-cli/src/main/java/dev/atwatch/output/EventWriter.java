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
 * XML ({@code <event>} elements with one {@code <field>} per value) or CSV rows under a header
 * given up front. Every field and the metadata ({@code _time}, {@code host}, {@code source}, {@code
 * sourcetype}, {@code index}) are written, {@code _raw} only when asked; {@code _time} as UTC
 * ISO-8601 to the 100 ns ({@link Values#preciseTime}). atwatch reads its JSON lines and XML back
 * into the same events.
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

    /** The values of a field as text, {@code _time} as {@link Values#preciseTime}. */
    protected static List<String> texts(String name, FieldValue value) {
        if (Event.TIME.equals(name) && value instanceof FieldValue.Number n) {
            return List.of(Values.preciseTime(n.value()));
        }
        return value.strings();
    }

    /** One JSON object per line; a multivalue is an array. */
    public static final class JsonLines extends EventWriter {
        private final JsonGenerator json;

        public JsonLines(Writer out, boolean withRaw) throws IOException {
            super(out, withRaw);
            this.json = new JsonFactory().createGenerator(out);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            json.setRootValueSeparator(null); // each line starts with its object, not a space
        }

        @Override
        public void write(Event event) throws IOException {
            json.writeStartObject();
            for (String name : event.names()) {
                if (skip(name)) {
                    continue;
                }
                json.writeFieldName(name);
                FieldValue value = event.get(name);
                if (Event.TIME.equals(name)) {
                    json.writeString(texts(name, value).get(0));
                } else {
                    JsonWriter.writeValue(json, name, value);
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

    /**
     * An XML 1.0 document: {@code <events>} holding one {@code <event>} per event, and in it one
     * {@code <field name="N">value</field>} per value (a multivalue repeats the field).
     *
     * <p>Every value is kept exactly, also the characters XML 1.0 cannot hold: line feeds and
     * carriage returns are written as character references (parsers would normalise them
     * otherwise), and C0 control characters, lone surrogates, U+FFFE and U+FFFF, for which XML 1.0
     * has no representation at all, as empty {@code <char code="N"/>} elements in the value, N the
     * decimal UTF-16 code. A field name holding such a character is written as a {@code <name>}
     * element first in the field instead of the attribute.
     */
    public static final class Xml extends EventWriter {

        public Xml(Writer out, boolean withRaw) throws IOException {
            super(out, withRaw);
            out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<events>\n");
        }

        @Override
        public void write(Event event) throws IOException {
            out.write("<event>");
            for (String name : event.names()) {
                if (skip(name)) {
                    continue;
                }
                for (String value : texts(name, event.get(name))) {
                    field(name, value);
                }
            }
            out.write("</event>\n");
        }

        private void field(String name, String value) throws IOException {
            if (representable(name)) {
                out.write("<field name=\"");
                out.write(escapeAttribute(name));
                out.write("\">");
            } else {
                out.write("<field><name>");
                out.write(escapeText(name));
                out.write("</name>");
            }
            out.write(escapeText(value));
            out.write("</field>");
        }

        @Override
        public void close() throws IOException {
            out.write("</events>\n");
            super.close();
        }

        /** Element content: markup escaped, line ends as references, the rest as elements. */
        static String escapeText(String text) {
            StringBuilder escaped = new StringBuilder(text.length() + 16);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '<' -> escaped.append("&lt;");
                    case '>' -> escaped.append("&gt;");
                    case '&' -> escaped.append("&amp;");
                    case '\n' -> escaped.append("&#xA;");
                    case '\r' -> escaped.append("&#xD;");
                    default -> {
                        if (Character.isHighSurrogate(c) && isLowSurrogateAt(text, i + 1)) {
                            escaped.append(c).append(text.charAt(++i));
                        } else if (isXmlChar(c)) {
                            escaped.append(c);
                        } else {
                            escaped.append("<char code=\"").append((int) c).append("\"/>");
                        }
                    }
                }
            }
            return escaped.toString();
        }

        /** A double-quoted attribute value; the caller checks {@link #representable} first. */
        static String escapeAttribute(String text) {
            StringBuilder escaped = new StringBuilder(text.length() + 16);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '<' -> escaped.append("&lt;");
                    case '>' -> escaped.append("&gt;");
                    case '&' -> escaped.append("&amp;");
                    case '"' -> escaped.append("&quot;");
                    case '\t' -> escaped.append("&#x9;");
                    case '\n' -> escaped.append("&#xA;");
                    case '\r' -> escaped.append("&#xD;");
                    default -> escaped.append(c);
                }
            }
            return escaped.toString();
        }

        /** Whether XML 1.0 can hold every character of {@code text}, escaped or not. */
        static boolean representable(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && isLowSurrogateAt(text, i + 1)) {
                    i++;
                } else if (!isXmlChar(c)) {
                    return false;
                }
            }
            return true;
        }

        /** XML 1.0's Char production, for one UTF-16 unit that is not part of a pair. */
        private static boolean isXmlChar(char c) {
            return c == '\t'
                    || c == '\n'
                    || c == '\r'
                    || (c >= 0x20 && c < Character.MIN_SURROGATE)
                    || (c > Character.MAX_SURROGATE && c < 0xfffe);
        }

        private static boolean isLowSurrogateAt(String text, int i) {
            return i < text.length() && Character.isLowSurrogate(text.charAt(i));
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
                cells[i] = value == null ? "" : String.join("\n", texts(columns.get(i), value));
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
