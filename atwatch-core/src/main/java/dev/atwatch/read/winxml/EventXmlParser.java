package dev.atwatch.read.winxml;

import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.windows.WindowsEventRecord;
import dev.atwatch.read.windows.WindowsEventRecord.DataItem;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses the XML of one Windows event into a {@link WindowsEventRecord}, with the JDK's StAX parser
 * hardened against hostile input: no DTD, no external entity, no entity but the five predefined
 * ones and character references. Elements are matched by local name, so a default namespace or a
 * prefix makes no difference.
 */
final class EventXmlParser {

    /**
     * A factory per thread: readers are shared between threads, and the JDK does not promise that
     * one factory may create readers concurrently.
     */
    private static final ThreadLocal<XMLInputFactory> FACTORY =
            ThreadLocal.withInitial(EventXmlParser::hardenedFactory);

    private static final int EXCERPT_CHARS = 120;

    private final ReadLimits limits;

    EventXmlParser(ReadLimits limits) {
        this.limits = limits;
    }

    /** The JDK's own StAX factory, set never to read a DTD or an external entity. */
    static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        // Problems surface as exceptions; the default reporter would print them.
        factory.setXMLReporter((message, type, info, location) -> {});
        return factory;
    }

    /**
     * Parses {@code xml}, which must hold one {@code Event} element and becomes the record's raw
     * text.
     *
     * @throws RecordException when the XML is malformed, is not an event or exceeds a limit
     */
    WindowsEventRecord parse(String xml) throws RecordException {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.get().createXMLStreamReader(new StringReader(xml));
            return new Walk(reader, xml).event();
        } catch (XMLStreamException | RuntimeException e) {
            throw new RecordException("xml.malformed", describe(e));
        } finally {
            close(reader);
        }
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // Nothing is left to release: the input is an in-memory array.
            }
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nested = message.indexOf("Message: ");
        if (nested >= 0) {
            message = message.substring(nested + "Message: ".length());
        }
        message = message.strip();
        return message.length() > EXCERPT_CHARS
                ? message.substring(0, EXCERPT_CHARS) + "..."
                : message;
    }

    private static String localName(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    /** One pass over the events of a stream reader, building the record. */
    private final class Walk {
        private final XMLStreamReader reader;
        private final String raw;
        private final Map<String, String> system = new LinkedHashMap<>();
        private final List<DataItem> eventData = new ArrayList<>();
        private final List<DataItem> userData = new ArrayList<>();
        private final FieldBudget budget = new FieldBudget(limits);
        private final String[] path;
        private final StringBuilder text = new StringBuilder();
        private int depth;
        private boolean leaf;
        private String dataName;

        Walk(XMLStreamReader reader, String raw) {
            this.reader = reader;
            this.raw = raw;
            this.path = new String[limits.maxNesting() + 1];
        }

        WindowsEventRecord event() throws XMLStreamException, RecordException {
            while (reader.hasNext()) {
                int kind = reader.next();
                if (kind == XMLStreamConstants.START_ELEMENT) {
                    start(localName(reader.getLocalName()));
                } else if (kind == XMLStreamConstants.END_ELEMENT) {
                    end();
                } else if (kind == XMLStreamConstants.CHARACTERS
                        || kind == XMLStreamConstants.CDATA
                        || kind == XMLStreamConstants.SPACE) {
                    characters();
                } else if (kind == XMLStreamConstants.DTD) {
                    throw new RecordException("xml.doctype", "document type declaration refused");
                }
            }
            if (system.get("EventID") == null) {
                throw new RecordException("xml.missing-field", "event has no System/EventID");
            }
            return new WindowsEventRecord(system, eventData, userData, raw);
        }

        private void start(String name) throws RecordException {
            if (depth == 0 && !name.equals("Event")) {
                throw new RecordException(
                        "xml.not-event", "root element is <" + name + ">, expected <Event>");
            }
            depth++;
            if (depth > limits.maxNesting()) {
                throw new RecordException(
                        "limit." + ReadLimits.NESTING,
                        ReadLimits.exceeded(ReadLimits.NESTING, depth, limits.maxNesting()));
            }
            path[depth] = name;
            text.setLength(0);
            leaf = true;
            if (depth == 3 && path[2].equals("System")) {
                systemAttributes(name);
            } else if (depth == 3 && path[2].equals("EventData")) {
                dataName = name.equals("Data") ? reader.getAttributeValue(null, "Name") : name;
            }
        }

        private void systemAttributes(String element) throws RecordException {
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                String attribute = localName(reader.getAttributeLocalName(i));
                putSystem(element + "." + attribute, reader.getAttributeValue(i));
            }
        }

        private void characters() throws RecordException {
            if (text.length() + reader.getTextLength() > limits.maxValueChars()) {
                throw new RecordException(
                        "limit." + ReadLimits.VALUE_CHARS,
                        ReadLimits.exceeded(
                                ReadLimits.VALUE_CHARS,
                                (long) text.length() + reader.getTextLength(),
                                limits.maxValueChars()));
            }
            text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
        }

        private void end() throws RecordException {
            String name = path[depth];
            String section = depth >= 2 ? path[2] : "";
            boolean wasLeaf = leaf;
            leaf = false;
            if (depth == 3 && section.equals("System")) {
                putSystem(name, text.toString().strip());
            } else if (depth == 3 && section.equals("EventData")) {
                addItem(eventData, dataName, text.toString());
            } else if (depth >= 4 && section.equals("UserData") && wasLeaf) {
                addItem(userData, name, text.toString());
            }
            text.setLength(0);
            depth--;
        }

        private void putSystem(String key, String value) throws RecordException {
            count(key);
            system.put(key, value);
        }

        private void addItem(List<DataItem> items, String name, String value)
                throws RecordException {
            count(name == null ? "Data" : name);
            items.add(new DataItem(name, value));
        }

        private void count(String name) throws RecordException {
            budget.count(name, system.size() + eventData.size() + userData.size() + 1);
        }
    }
}
