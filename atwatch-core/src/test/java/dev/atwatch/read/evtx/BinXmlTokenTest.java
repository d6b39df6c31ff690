package dev.atwatch.read.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.read.Rejected;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every binary XML token, on records written token by token: elements and attributes, value text,
 * entity and character references, CDATA, processing instructions, normal and optional
 * substitutions, array values, nested binary XML, templates defined inline and referenced later.
 */
class BinXmlTokenTest {

    private static final int FIRST_RECORD = 512 + 24;
    private static final String NS = "http://schemas.microsoft.com/win/2004/08/events/event";

    @Test
    void rendersEveryTokenAndTakesFieldsFromTheRendering() throws IOException {
        byte[] record = firstRecord();

        CollectingSink sink = EvtxReaderTest.read(file(record));

        assertThat(sink.rejected).isEmpty();
        Event event = sink.events.get(0);
        assertThat(event.raw())
                .isEqualTo(
                        "<Event xmlns='"
                                + NS
                                + "'><System><EventID>4688</EventID>"
                                + "<TimeCreated SystemTime='2021-10-01T17:30:39.0839658Z'/>"
                                + "<Channel>Security</Channel><Correlation/></System><EventData>"
                                + "<Data Name='Items'>one</Data><Data Name='Items'>two</Data>"
                                + "<Data Name='Text'>a &amp; b&#65;<![CDATA[c<d]]></Data>"
                                + "<Data Name='Nested'>"
                                + "<Inner Kind='k&apos;s'>x &lt; y</Inner></Data>"
                                + "</EventData><?target some data?></Event>");
        assertThat(event.text("EventCode")).isEqualTo("4688");
        assertThat(event.text("Channel")).isEqualTo("Security");
        assertThat(event.get("Items").strings()).containsExactly("one", "two");
        assertThat(event.text("Text")).isEqualTo("a & bAc<d");
        assertThat(event.get("ActivityID")).isNull();
    }

    @Test
    void laterRecordsReuseATemplateDefinedInlineByAnEarlierOne() throws IOException {
        BinXmlBuilder second = new BinXmlBuilder(secondRecordBase());
        second.fragmentHeader().templateReference(FIRST_RECORD + 4 + 10);
        second.values(values("4699", "Application", "three\0", "!"));
        second.eof();

        CollectingSink sink = EvtxReaderTest.read(file(firstRecord(), second.bytes()));

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).hasSize(2);
        Event event = sink.events.get(1);
        assertThat(event.text("EventCode")).isEqualTo("4699");
        assertThat(event.text("Channel")).isEqualTo("Application");
        assertThat(event.text("Items")).isEqualTo("three");
        assertThat(event.text("ActivityID")).isEqualTo("{00000000-0000-0000-0000-000000000000}");
        assertThat(event.raw()).contains("<Inner Kind='k&apos;s'>x &lt; y!</Inner>");
    }

    @Test
    void rejectsATemplateThatContainsItself() throws IOException {
        BinXmlBuilder record = new BinXmlBuilder(FIRST_RECORD);
        record.fragmentHeader();
        int definition = record.position() + 10;
        record.inlineTemplate(
                body -> {
                    body.fragmentHeader().templateReference(definition);
                    body.u32(0).eof();
                });
        record.values().eof();

        CollectingSink sink = EvtxReaderTest.read(file(record.bytes()));

        assertThat(sink.events).isEmpty();
        assertThat(sink.rejected).extracting(Rejected::reason).containsExactly(EvtxReasons.BINXML);
        assertThat(sink.rejected.get(0).detail()).contains("contains itself");
    }

    @Test
    void skipsANameByItsDeclaredLengthWhenItEndsInNulCharacters() throws IOException {
        BinXmlBuilder record = new BinXmlBuilder(FIRST_RECORD);
        record.fragmentHeader();
        record.inlineTemplate(
                t -> {
                    t.fragmentHeader().open("Event", false, true).closeStart();
                    t.open("System\0", false, true).closeStart();
                    t.open("EventID\0\0", false, true).closeStart().text("4688").end();
                    t.open("Channel", true, true).attribute("Kind\0").text("k").closeStart();
                    t.text("Security").end();
                    t.end().end().eof();
                });
        record.values().eof();

        CollectingSink sink = EvtxReaderTest.read(file(record.bytes()));

        assertThat(sink.rejected).isEmpty();
        Event event = sink.events.get(0);
        assertThat(event.raw())
                .isEqualTo(
                        "<Event><System><EventID>4688</EventID>"
                                + "<Channel Kind='k'>Security</Channel></System></Event>");
        assertThat(event.text("EventCode")).isEqualTo("4688");
        assertThat(event.text("Channel")).isEqualTo("Security");
    }

    /** The first record: an inline template using every token, and its values. */
    private static byte[] firstRecord() {
        BinXmlBuilder record = new BinXmlBuilder(FIRST_RECORD);
        record.fragmentHeader();
        record.inlineTemplate(BinXmlTokenTest::template);
        record.values(values("4688", "Security", "one\0two\0", ""));
        return record.eof().bytes();
    }

    private static void template(BinXmlBuilder t) {
        t.fragmentHeader();
        t.open("Event", true, true).attribute("xmlns").text(NS).closeStart();
        t.open("System", false, true).closeStart();
        t.open("EventID", false, true).closeStart().substitution(0, 0x06, false).end();
        t.open("TimeCreated", true, true).attribute("SystemTime");
        t.substitution(1, 0x11, false).closeEmpty();
        t.open("Channel", false, true).closeStart().substitution(2, 0x01, false).end();
        t.open("Correlation", true, true).attribute("ActivityID");
        t.substitution(3, 0x0f, true).closeEmpty();
        t.end();
        t.open("EventData", false, true).closeStart();
        t.open("Data", true, true).attribute("Name").text("Items").closeStart();
        t.substitution(4, 0x81, false).end();
        t.open("Data", true, true).attribute("Name").text("Text").closeStart();
        t.text("a ").entity("amp").text(" b").charRef(65).cdata("c<d").end();
        t.open("Data", true, true).attribute("Name").text("Nested").closeStart();
        t.substitution(5, 0x21, false).end();
        t.end();
        t.pi("target", "some data");
        t.end().eof();
    }

    /** Values 0..5: EventID, TimeCreated, Channel, ActivityID (NULL when "" given), Items, XML. */
    private static Object[][] values(String id, String channel, String items, String suffix) {
        byte[] time =
                java.nio.ByteBuffer.allocate(8)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .putLong(132775830390839658L)
                        .array();
        byte[] nested = nested(suffix);
        Object[] activity =
                suffix.isEmpty()
                        ? new Object[] {0x00, new byte[0]}
                        : new Object[] {0x0f, new byte[16]};
        return new Object[][] {
            {0x06, le16(Integer.parseInt(id))},
            {0x11, time},
            {0x01, channel.getBytes(StandardCharsets.UTF_16LE)},
            activity,
            {0x81, items.getBytes(StandardCharsets.UTF_16LE)},
            {0x21, nested}
        };
    }

    /**
     * Binary XML for {@code <Inner Kind="k's">x &lt; y</Inner>}: an element start without a
     * dependency identifier, as stored in a value. Its names are inline, so its bytes depend on
     * where it lands; {@link #placeNested} fixes them up once the position is known.
     */
    private static byte[] nested(String suffix) {
        return ("NESTED" + suffix).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] file(byte[]... records) {
        byte[][] placed = new byte[records.length][];
        int base = FIRST_RECORD;
        for (int i = 0; i < records.length; i++) {
            placed[i] = placeNested(records[i], base);
            base += placed[i].length + 28;
        }
        return EvtxFiles.assemble(List.of(BinXmlBuilder.chunk(placed)), 1);
    }

    /** Replaces the NESTED placeholder value by real binary XML written for its position. */
    private static byte[] placeNested(byte[] record, int base) {
        byte[] marker = "NESTED".getBytes(StandardCharsets.ISO_8859_1);
        int at = EvtxReaderTest.indexOf(record, marker);
        if (at < 0) {
            return record;
        }
        int end = at + marker.length;
        String suffix = "";
        while (end < record.length && record[end] != 0) {
            suffix += (char) record[end++];
        }
        BinXmlBuilder xml = new BinXmlBuilder(base + at);
        xml.open("Inner", true, false).attribute("Kind").text("k's").closeStart();
        xml.text("x < y" + suffix).end().eof();
        byte[] value = xml.bytes();
        int oldSize = end - at;
        byte[] result = new byte[record.length - oldSize + value.length];
        System.arraycopy(record, 0, result, 0, at);
        System.arraycopy(value, 0, result, at, value.length);
        System.arraycopy(record, end, result, at + value.length, record.length - end);
        fixDescriptor(result, at, oldSize, value.length);
        return result;
    }

    /** Finds the descriptor of the BinXML value (type 0x21) and sets its new size. */
    private static void fixDescriptor(byte[] record, int valueAt, int oldSize, int newSize) {
        for (int i = 0; i + 4 <= valueAt; i++) {
            if ((record[i] & 0xff) == oldSize
                    && record[i + 1] == 0
                    && record[i + 2] == 0x21
                    && record[i + 3] == 0) {
                record[i] = (byte) newSize;
                record[i + 1] = (byte) (newSize >>> 8);
                return;
            }
        }
        throw new IllegalStateException("no binary XML descriptor");
    }

    private static int secondRecordBase() {
        return FIRST_RECORD + placeNested(firstRecord(), FIRST_RECORD).length + 28;
    }

    private static byte[] le16(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8)};
    }
}
