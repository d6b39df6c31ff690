package dev.atwatch.read.winxml;

import dev.atwatch.event.Event;
import dev.atwatch.event.Provenance;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.windows.WindowsEvents;
import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses one {@code <event>} element as {@code atwatch convert --format xml} writes it back into
 * the event it was written from: each {@code <field name="N">value</field>} is a value of field N
 * (a repeated field is a multivalue), {@code _time} is read as ISO-8601 or epoch seconds, and a
 * {@code <char code="C"/>} element in a value or in a {@code <name>} stands for the UTF-16 unit C
 * that XML 1.0 cannot hold. {@code _raw} is the event's {@code _raw} field when it has one, else
 * the element's own text; {@code --index} and {@code --host} override the event's own.
 */
final class ExportedEventParser {

    private static final ThreadLocal<XMLInputFactory> FACTORY =
            ThreadLocal.withInitial(EventXmlParser::hardenedFactory);

    private final ReadLimits limits;

    ExportedEventParser(ReadLimits limits) {
        this.limits = limits;
    }

    /**
     * Parses {@code xml}, which must hold one {@code event} element.
     *
     * @throws RecordException when the XML is malformed, has no usable {@code _time} or exceeds a
     *     limit
     */
    Event parse(String xml, Provenance where, ReadOptions options) throws RecordException {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.get().createXMLStreamReader(new StringReader(xml));
            Event.Builder event = new Walk(reader).event(Event.builder(where));
            if (event.get(Event.RAW) == null) {
                event.put(Event.RAW, xml);
            }
            event.put(Event.INDEX, options.index());
            event.put(Event.HOST, options.host());
            return event.build();
        } catch (XMLStreamException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            int nested = message.indexOf("Message: ");
            throw new RecordException(
                    "xml.malformed", nested < 0 ? message : message.substring(nested + 9));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing to release: the input is a string
                }
            }
        }
    }

    /** One pass over the fields of an event. */
    private final class Walk {
        private final XMLStreamReader reader;
        private final FieldBudget budget = new FieldBudget(limits);
        private int fields;

        Walk(XMLStreamReader reader) {
            this.reader = reader;
        }

        Event.Builder event(Event.Builder event) throws XMLStreamException, RecordException {
            reader.nextTag();
            if (!reader.getLocalName().equals("event")) {
                throw new RecordException(
                        "xml.not-event", "root element is <" + reader.getLocalName() + ">");
            }
            boolean timed = false;
            while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (!reader.getLocalName().equals("field")) {
                    throw new RecordException(
                            "xml.malformed", "<" + reader.getLocalName() + "> in an <event>");
                }
                timed |= field(event);
            }
            if (!timed) {
                throw new RecordException("xml.missing-field", "event has no usable _time");
            }
            return event;
        }

        /** Reads one field into {@code event}; returns whether it was a usable {@code _time}. */
        private boolean field(Event.Builder event) throws XMLStreamException, RecordException {
            String name = reader.getAttributeValue(null, "name");
            StringBuilder value = new StringBuilder();
            while (reader.next() != XMLStreamConstants.END_ELEMENT) {
                if (reader.isStartElement() && reader.getLocalName().equals("name")) {
                    name = text(new StringBuilder());
                } else {
                    piece(value);
                }
            }
            if (name == null) {
                throw new RecordException("xml.malformed", "a <field> without a name");
            }
            count(name);
            if (name.equals(Event.TIME)) {
                double time = WindowsEvents.timeOrEpochSeconds(value.toString());
                if (!Double.isNaN(time)) {
                    event.time(time);
                }
                return !Double.isNaN(time);
            }
            if (name.equals(Event.RAW)) {
                event.put(name, value.toString());
            } else {
                event.add(name, value.toString());
            }
            return false;
        }

        /** The text of the current element, up to its end. */
        private String text(StringBuilder into) throws XMLStreamException, RecordException {
            while (reader.next() != XMLStreamConstants.END_ELEMENT) {
                piece(into);
            }
            return into.toString();
        }

        /** Appends character data or a {@code <char code="C"/>}; anything else is malformed. */
        private void piece(StringBuilder value) throws XMLStreamException, RecordException {
            if (reader.isCharacters()) {
                value.append(reader.getText());
            } else if (reader.isStartElement() && reader.getLocalName().equals("char")) {
                value.append(code(reader.getAttributeValue(null, "code")));
                reader.nextTag();
            } else if (reader.isStartElement()) {
                throw new RecordException(
                        "xml.malformed", "<" + reader.getLocalName() + "> in a <field>");
            }
            if (value.length() > limits.maxValueChars()) {
                throw new RecordException(
                        "limit." + ReadLimits.VALUE_CHARS,
                        ReadLimits.exceeded(
                                ReadLimits.VALUE_CHARS, value.length(), limits.maxValueChars()));
            }
        }

        private char code(String code) throws RecordException {
            try {
                int value = Integer.parseInt(code);
                if (value >= 0 && value <= Character.MAX_VALUE) {
                    return (char) value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new RecordException("xml.malformed", "<char code=\"" + code + "\"/> is no code");
        }

        private void count(String name) throws RecordException {
            budget.count(name, ++fields);
        }
    }
}
