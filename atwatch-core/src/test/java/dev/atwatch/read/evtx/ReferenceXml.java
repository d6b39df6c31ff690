package dev.atwatch.read.evtx;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads the event XML that a reference tool printed into {@link ReferenceRecord}s. */
final class ReferenceXml {

    private ReferenceXml() {}

    /**
     * Parses a sequence of {@code <Event>} elements, wrapped or not in a root element. Control
     * characters a tool printed literally become character references, read as XML 1.1; so do
     * carriage returns, which a parser would otherwise turn into line feeds.
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

    private static String xml11(String text) {
        StringBuilder xml = new StringBuilder(text.length() + 64);
        int start = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
        xml.append("<?xml version=\"1.1\"?>");
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n') {
                xml.append("&#x").append(Integer.toHexString(c)).append(';');
            } else {
                xml.append(c);
            }
        }
        return xml.toString();
    }

    /** Reads one event, from just after its start tag to its end tag. */
    private static ReferenceRecord event(XMLStreamReader reader) throws XMLStreamException {
        Map<String, String> system = new HashMap<>();
        List<ReferenceRecord.Item> data = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        while (true) {
            int kind = reader.next();
            if (kind == XMLStreamConstants.START_ELEMENT) {
                if (!open.isEmpty()) {
                    open.peek().leaf = false;
                }
                Open element = new Open(reader.getLocalName(), open.size() + 1);
                element.dataName = reader.getAttributeValue(null, "Name");
                if (element.depth == 2 && element.name.equals("TimeCreated")) {
                    system.put("TimeCreated", reader.getAttributeValue(null, "SystemTime"));
                }
                element.section = open.isEmpty() ? element.name : open.peek().section;
                open.push(element);
            } else if (kind == XMLStreamConstants.CHARACTERS || kind == XMLStreamConstants.CDATA) {
                if (!open.isEmpty()) {
                    open.peek().text.append(reader.getText());
                }
            } else if (kind == XMLStreamConstants.END_ELEMENT) {
                if (open.isEmpty()) {
                    break;
                }
                close(open.pop(), system, data);
            }
        }
        return new ReferenceRecord(
                system.get("EventRecordID"),
                system.get("EventID"),
                system.get("TimeCreated"),
                system.get("Computer"),
                system.get("Channel"),
                data);
    }

    private static void close(
            Open element, Map<String, String> system, List<ReferenceRecord.Item> data) {
        String text = element.text.toString();
        if (element.section.equals("System") && element.depth == 2) {
            if (element.name.equals("TimeCreated")) {
                return; // its value is the SystemTime attribute, kept at its start
            }
            system.put(element.name, text.strip());
            return;
        }
        if (element.section.equals("EventData") && element.depth == 2) {
            String name = element.dataName == null ? "Data" : element.dataName;
            data.add(new ReferenceRecord.Item(name, text));
        } else if (element.section.equals("UserData") && element.depth >= 3 && element.leaf) {
            data.add(new ReferenceRecord.Item(element.name, text));
        }
    }

    /** An element being read: its name, depth under Event, section, text and whether a leaf. */
    private static final class Open {
        final String name;
        final int depth;
        final StringBuilder text = new StringBuilder();
        String section;
        String dataName;
        boolean leaf = true;

        Open(String name, int depth) {
            this.name = name;
            this.depth = depth;
        }
    }
}
