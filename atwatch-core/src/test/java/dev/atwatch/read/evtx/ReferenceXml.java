package dev.atwatch.read.evtx;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads the event XML that a reference tool printed into {@link ReferenceRecord}s. */
final class ReferenceXml {

    private ReferenceXml() {}

    /**
     * Parses a sequence of {@code <Event>} elements, wrapped or not in a root element. Control
     * characters a tool printed literally become character references, read as XML 1.1.
     */
    static List<ReferenceRecord> parse(String text) throws XMLStreamException {
        String xml = xml11(text);
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
        List<ReferenceRecord> records = new ArrayList<>();
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT
                    && reader.getLocalName().equals("Event")) {
                records.add(event(reader));
            }
        }
        return records;
    }

    /** Parses one event's XML, as this reader renders it into {@code _raw}. */
    static ReferenceRecord parseOne(String xml) {
        try {
            return parse(xml).get(0);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("rendered XML is not well-formed: " + xml, e);
        }
    }

    private static String xml11(String text) {
        StringBuilder xml = new StringBuilder(text.length() + 64);
        int start = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
        xml.append("<?xml version=\"1.1\"?>");
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                xml.append("&#x").append(Integer.toHexString(c)).append(';');
            } else {
                xml.append(c);
            }
        }
        return xml.toString();
    }

    private static ReferenceRecord event(XMLStreamReader reader) throws XMLStreamException {
        String recordId = null;
        String eventId = null;
        String time = null;
        String computer = null;
        String channel = null;
        List<String> data = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int kind = reader.next();
            if (kind == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (kind != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            switch (name) {
                case "EventRecordID" -> recordId = reader.getElementText();
                case "EventID" -> eventId = reader.getElementText();
                case "Computer" -> computer = reader.getElementText();
                case "Channel" -> channel = reader.getElementText();
                case "TimeCreated" -> {
                    time = reader.getAttributeValue(null, "SystemTime");
                    depth++;
                }
                case "Data" -> {
                    String dataName = reader.getAttributeValue(null, "Name");
                    data.add(dataName + "=" + reader.getElementText());
                }
                default -> depth++;
            }
        }
        return new ReferenceRecord(recordId, eventId, time, computer, channel, data);
    }
}
