package dev.atwatch.read.evtx;

import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.windows.WindowsEventRecord;
import dev.atwatch.read.windows.WindowsEventRecord.DataItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a record's decoded binary XML, substituting template values, into the event XML on one
 * line and, in the same pass, into the {@link WindowsEventRecord} fields: System values by path,
 * EventData items, UserData leaves.
 *
 * <p>Follows the event log's rules: an optional substitution whose value is NULL removes its
 * attribute; an element whose content is an array substitution is repeated once per item (once,
 * empty, for an empty array); a binary XML value is rendered in place. Not thread-safe: one
 * renderer per chunk.
 */
final class EventRenderer {

    /** Where an element sits in the event, which decides what its text and attributes feed. */
    private enum Section {
        OUTSIDE,
        EVENT,
        SYSTEM,
        SYSTEM_VALUE,
        EVENT_DATA,
        DATA,
        USER_DATA,
        USER_DATA_VALUE,
        OTHER
    }

    /** One open element: its name, section, gathered text. */
    private static final class Frame {
        final String name;
        final Section section;
        final StringBuilder text;
        boolean hasChildElement;
        String dataName;

        Frame(String name, Section section) {
            this.name = name;
            this.section = section;
            boolean keepsText =
                    section == Section.SYSTEM_VALUE
                            || section == Section.DATA
                            || section == Section.USER_DATA_VALUE;
            this.text = keepsText ? new StringBuilder() : null;
        }
    }

    private final BinXmlParser parser;
    private final ReadLimits limits;
    private final EvtxLimits evtxLimits;
    private final StringBuilder xml = new StringBuilder(4096);
    private final StringBuilder value = new StringBuilder(256);
    private Map<String, String> system;
    private List<DataItem> eventData;
    private List<DataItem> userData;
    private Map<String, Integer> valuesPerName;

    /** This record's work: nodes visited and nested binary XML bytes decoded. */
    private long work;

    /** This chunk's rendering so far, over all its records: work and characters written. */
    private long chunkSpent;

    /** How much of {@link #xml} is already counted in {@link #chunkSpent}. */
    private int xmlCounted;

    EventRenderer(BinXmlParser parser, ReadLimits limits, EvtxLimits evtxLimits) {
        this.parser = parser;
        this.limits = limits;
        this.evtxLimits = evtxLimits;
    }

    /**
     * Renders one record's document.
     *
     * @throws BinXmlException when the document is malformed or rendering it would exceed a limit:
     *     {@code record-bytes} for the XML or the work of one record, {@code value-chars} for one
     *     field value, {@code evtx-chunk-render} for all records of the chunk so far
     */
    WindowsEventRecord render(Node[] document) {
        xml.setLength(0);
        xmlCounted = 0;
        system = new HashMap<>();
        eventData = new ArrayList<>();
        userData = new ArrayList<>();
        valuesPerName = new HashMap<>();
        work = 0;
        nodes(document, null, new Frame(null, Section.OUTSIDE), 0, -1, 0);
        checkOutput();
        if (xml.length() == 0) {
            throw BinXmlException.malformed("the record holds no XML element", -1);
        }
        int fields = system.size() + eventData.size() + userData.size();
        if (fields > limits.maxFieldsPerEvent()) {
            throw limit(ReadLimits.FIELDS_PER_EVENT, fields, limits.maxFieldsPerEvent());
        }
        return new WindowsEventRecord(system, eventData, userData, xml.toString());
    }

    private void nodes(
            Node[] nodes,
            TemplateValues values,
            Frame frame,
            int depth,
            int item,
            int templateDepth) {
        for (Node node : nodes) {
            spend(1);
            if (node instanceof Node.Element element) {
                element(element, values, frame, depth + 1, templateDepth);
            } else if (node instanceof Node.Instance instance) {
                checkTemplateDepth(templateDepth + 1);
                nodes(
                        instance.template().nodes(),
                        instance.values(),
                        frame,
                        depth,
                        -1,
                        templateDepth + 1);
            } else if (node instanceof Node.Substitution substitution) {
                substitution(substitution, values, frame, depth, item, templateDepth);
            } else {
                markup(node, frame);
            }
        }
    }

    /** Template instances nest no deeper than the limit, however they were reached. */
    private void checkTemplateDepth(int depth) {
        if (depth > evtxLimits.maxTemplateDepth()) {
            throw limit(EvtxLimits.TEMPLATE_DEPTH, depth, evtxLimits.maxTemplateDepth());
        }
    }

    /** Text, references, CDATA and processing instructions. */
    private void markup(Node node, Frame frame) {
        markupText(node, frame);
        checkOutput();
    }

    private void markupText(Node node, Frame frame) {
        if (node instanceof Node.Text text) {
            escapeText(xml, text.text());
            keep(frame, text.text());
        } else if (node instanceof Node.CharRef ref) {
            xml.append("&#").append(ref.code()).append(';');
            keep(frame, Character.toString(ref.code()));
        } else if (node instanceof Node.EntityRef ref) {
            xml.append('&').append(ref.name()).append(';');
            keep(frame, entityText(ref.name()));
        } else if (node instanceof Node.CData cdata) {
            xml.append("<![CDATA[").append(cdata.text()).append("]]>");
            keep(frame, cdata.text());
        } else if (node instanceof Node.Pi pi) {
            xml.append("<?").append(pi.target());
            if (!pi.data().isEmpty()) {
                xml.append(' ').append(pi.data());
            }
            xml.append("?>");
        }
    }

    /** Adds {@code text} to the field value the frame gathers, if it gathers one. */
    private void keep(Frame frame, CharSequence text) {
        if (frame.text == null) {
            return;
        }
        long length = (long) frame.text.length() + text.length();
        if (length > limits.maxValueChars()) {
            throw limit(ReadLimits.VALUE_CHARS, length, limits.maxValueChars());
        }
        frame.text.append(text);
        chunkSpent += text.length();
        checkOutput();
    }

    private void element(
            Node.Element element, TemplateValues values, Frame parent, int depth, int depthT) {
        if (depth > limits.maxNesting()) {
            throw limit(ReadLimits.NESTING, depth, limits.maxNesting());
        }
        int repeat = arrayLength(element, values);
        if (repeat < 0) {
            open(element, values, parent, depth, -1, depthT);
            return;
        }
        for (int i = 0; i < Math.max(repeat, 1); i++) {
            open(element, values, parent, depth, i, depthT);
        }
    }

    /** The item count of the first array substitution in the element's own content, or -1. */
    private int arrayLength(Node.Element element, TemplateValues values) {
        if (values == null) {
            return -1;
        }
        for (Node node : element.content()) {
            if (node instanceof Node.Substitution s && s.index() < values.count()) {
                int type = values.type(s.index());
                if ((type & TemplateValues.ARRAY) != 0) {
                    return items(values, s.index()).length / 2;
                }
            }
        }
        return -1;
    }

    private int[] items(TemplateValues values, int index) {
        return ValueFormat.arrayItems(
                values.chunk(),
                values.offset(index),
                values.size(index),
                values.type(index),
                limits.maxValuesPerField());
    }

    private void open(
            Node.Element element,
            TemplateValues values,
            Frame parent,
            int depth,
            int item,
            int templateDepth) {
        parent.hasChildElement = true;
        String name = element.name();
        Frame frame = new Frame(name, section(parent.section, name));
        xml.append('<').append(name);
        checkOutput();
        for (Node.Attribute attribute : element.attributes()) {
            attribute(attribute, values, frame, item);
        }
        if (element.empty()) {
            xml.append("/>");
        } else {
            xml.append('>');
            nodes(element.content(), values, frame, depth, item, templateDepth);
            xml.append("</").append(name).append('>');
        }
        close(frame);
    }

    private void attribute(Node.Attribute attribute, TemplateValues values, Frame frame, int item) {
        if (vanishes(attribute, values)) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Node piece : attribute.value()) {
            spend(1);
            if (piece instanceof Node.Substitution s) {
                if (values != null && !values.isNull(s.index())) {
                    valueText(text, values, s.index(), item);
                }
            } else if (piece instanceof Node.Text t) {
                text.append(t.text());
            } else if (piece instanceof Node.CharRef r) {
                text.appendCodePoint(r.code());
            } else if (piece instanceof Node.EntityRef e) {
                text.append(entityText(e.name()));
            }
            checkValue(text);
        }
        xml.append(' ').append(attribute.name()).append("='");
        escapeAttribute(xml, text);
        xml.append('\'');
        if (frame.section == Section.SYSTEM_VALUE) {
            system.put(frame.name + "." + attribute.name(), text.toString());
            chunkSpent += text.length();
        } else if (frame.section == Section.DATA && attribute.name().equals("Name")) {
            frame.dataName = text.toString();
        }
        checkOutput();
    }

    /** An attribute made only of optional substitutions whose values are NULL disappears. */
    private static boolean vanishes(Node.Attribute attribute, TemplateValues values) {
        if (attribute.value().length == 0) {
            return false;
        }
        for (Node piece : attribute.value()) {
            if (!(piece instanceof Node.Substitution s)
                    || !s.optional()
                    || (values != null && !values.isNull(s.index()))) {
                return false;
            }
        }
        return true;
    }

    private void close(Frame frame) {
        switch (frame.section) {
            case SYSTEM_VALUE -> {
                if (frame.text.length() > 0) {
                    system.put(frame.name, frame.text.toString());
                }
            }
            case DATA -> {
                countValue(frame.dataName == null ? "Data" : frame.dataName);
                eventData.add(new DataItem(frame.dataName, frame.text.toString()));
            }
            case USER_DATA_VALUE -> {
                if (!frame.hasChildElement) {
                    countValue(frame.name);
                    userData.add(new DataItem(frame.name, frame.text.toString()));
                }
            }
            default -> {}
        }
    }

    /** Items of one name make one multivalue field: as many as values-per-field allows. */
    private void countValue(String name) {
        int values = valuesPerName.merge(name, 1, Integer::sum);
        if (values > limits.maxValuesPerField()) {
            throw new BinXmlException(
                    EvtxReasons.limit(ReadLimits.VALUES_PER_FIELD),
                    ReadLimits.exceeded(
                                    ReadLimits.VALUES_PER_FIELD, values, limits.maxValuesPerField())
                            + " for field "
                            + (name.length() > 60 ? name.substring(0, 60) + "..." : name),
                    -1);
        }
    }

    private static Section section(Section parent, String name) {
        return switch (parent) {
            case OUTSIDE -> name.equals("Event") ? Section.EVENT : Section.OTHER;
            case EVENT ->
                    switch (name) {
                        case "System" -> Section.SYSTEM;
                        case "EventData" -> Section.EVENT_DATA;
                        case "UserData" -> Section.USER_DATA;
                        default -> Section.OTHER;
                    };
            case SYSTEM -> Section.SYSTEM_VALUE;
            case EVENT_DATA -> name.equals("Data") ? Section.DATA : Section.OTHER;
            case USER_DATA, USER_DATA_VALUE -> Section.USER_DATA_VALUE;
            default -> Section.OTHER;
        };
    }

    private void substitution(
            Node.Substitution substitution,
            TemplateValues values,
            Frame frame,
            int depth,
            int item,
            int templateDepth) {
        int index = substitution.index();
        if (values == null || values.isNull(index)) {
            return;
        }
        int type = values.type(index);
        if (type == TemplateValues.BINXML) {
            int start = values.offset(index);
            spend(values.size(index));
            Node[] nested = parser.document(start, start + values.size(index), templateDepth);
            nodes(nested, null, frame, depth, -1, templateDepth);
            return;
        }
        value.setLength(0);
        valueText(value, values, index, item);
        checkValue(value);
        escapeText(xml, value);
        checkOutput();
        keep(frame, value);
    }

    /** Appends value {@code index}; for an array, item {@code item}, or all items joined. */
    private void valueText(StringBuilder out, TemplateValues values, int index, int item) {
        int type = values.type(index);
        byte[] chunk = values.chunk();
        if ((type & TemplateValues.ARRAY) == 0) {
            ValueFormat.append(out, chunk, values.offset(index), values.size(index), type);
            return;
        }
        int[] ranges = items(values, index);
        int element = type & ~TemplateValues.ARRAY;
        for (int i = 0; i < ranges.length / 2; i++) {
            if (item < 0 || item == i) {
                if (item < 0 && i > 0) {
                    out.append(", ");
                }
                ValueFormat.append(
                        out, chunk, ranges[2 * i], ranges[2 * i + 1] - ranges[2 * i], element);
            }
        }
    }

    private void checkValue(CharSequence text) {
        if (text.length() > limits.maxValueChars()) {
            throw limit(ReadLimits.VALUE_CHARS, text.length(), limits.maxValueChars());
        }
    }

    /**
     * Counts work, so that a template or value referenced many times cannot make a record, or the
     * records of a chunk, cost without end: a record may do as much work as the record-bytes limit,
     * the whole chunk as much as the evtx-chunk-render limit.
     */
    private void spend(long units) {
        work += units;
        chunkSpent += units;
        if (work > limits.maxRecordBytes()) {
            throw limit(ReadLimits.RECORD_BYTES, work, limits.maxRecordBytes());
        }
        checkOutput();
    }

    /**
     * Checks what was written so far, right after each write: the record's XML against the
     * record-bytes limit, and the chunk's work and characters against the evtx-chunk-render limit.
     * So memory stays bounded by the limits, not by what a hostile template asks for.
     */
    private void checkOutput() {
        chunkSpent += xml.length() - xmlCounted;
        xmlCounted = xml.length();
        if (xml.length() > limits.maxRecordBytes()) {
            throw limit(ReadLimits.RECORD_BYTES, xml.length(), limits.maxRecordBytes());
        }
        if (chunkSpent > evtxLimits.maxChunkRender()) {
            throw limit(EvtxLimits.CHUNK_RENDER, chunkSpent, evtxLimits.maxChunkRender());
        }
    }

    private static BinXmlException limit(String name, long actual, long limit) {
        return new BinXmlException(
                EvtxReasons.limit(name), ReadLimits.exceeded(name, actual, limit), -1);
    }

    /** The text an entity reference stands for; unknown entities stay as written. */
    static String entityText(String name) {
        return switch (name) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> "&" + name + ";";
        };
    }

    private static void escapeText(StringBuilder out, CharSequence text) {
        escape(out, text, false);
    }

    /**
     * Appends {@code c}, as a character reference when XML 1.0 cannot hold it literally (C0
     * controls) or, inside an attribute, would normalise it away (tab, line feed, return).
     */
    private static void appendChar(StringBuilder out, char c, boolean inAttribute) {
        boolean whitespace = c == '\t' || c == '\n' || c == '\r';
        if (c < 0x20 && (inAttribute || !whitespace)) {
            out.append("&#x").append(Integer.toHexString(c).toUpperCase(Locale.ROOT)).append(';');
        } else {
            out.append(c);
        }
    }

    private static void escapeAttribute(StringBuilder out, CharSequence text) {
        escape(out, text, true);
    }

    /**
     * Appends {@code text} escaped for element content, or (when {@code inAttribute}) for a quoted
     * attribute value, where both quote characters are escaped too.
     */
    private static void escape(StringBuilder out, CharSequence text, boolean inAttribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append(inAttribute ? "&apos;" : "'");
                case '"' -> out.append(inAttribute ? "&quot;" : "\"");
                default -> appendChar(out, c, inAttribute);
            }
        }
    }
}
