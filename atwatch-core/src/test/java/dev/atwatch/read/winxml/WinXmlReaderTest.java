package dev.atwatch.read.winxml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.read.GeneratedInput;
import dev.atwatch.read.HeapPeak;
import dev.atwatch.read.MemoryInput;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordingSink;
import dev.atwatch.read.Rejected;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Query;
import dev.atwatch.spl.Spl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WinXmlReaderTest {

    private final WinXmlReader reader = new WinXmlReader();

    static byte[] fixture(String name) {
        try (InputStream in = WinXmlReaderTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RecordingSink read(MemoryInput input) throws IOException {
        RecordingSink sink = new RecordingSink();
        reader.read(input, ReadOptions.DEFAULTS, sink);
        return sink;
    }

    private RecordingSink read(String fixture) throws IOException {
        return read(MemoryInput.of(fixture, fixture(fixture)));
    }

    @Test
    void readsTheEventsAtwatchConvertWritesBackFieldForField() throws IOException {
        String xml =
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<events>\n"
                        + "<event><field name=\"_time\">2016-07-08T18:12:51.6816409Z</field>"
                        + "<field name=\"host\">WS01</field>"
                        + "<field name=\"index\">wineventlog</field>"
                        + "<field name=\"EventCode\">4739</field>"
                        + "<field name=\"MinPasswordAge\"><char code=\"3\"/></field>"
                        + "<field name=\"Message\">a &amp; b&#xD;&#xA;\tc &lt;d&gt;</field>"
                        + "<field name=\"Items\">one</field><field name=\"Items\">two</field>"
                        + "<field><name>odd<char code=\"1\"/>name</name>x<char code=\"65535\"/>"
                        + "</field></event>\n"
                        + "<event><field name=\"host\">WS02</field></event>\n"
                        + "</events>\n";

        RecordingSink sink = read(MemoryInput.of("export.xml", xml));

        assertThat(reader.recognizes(xml.getBytes(StandardCharsets.UTF_8), xml.length())).isTrue();
        assertThat(sink.events).hasSize(1);
        Event event = sink.events.get(0);
        assertThat(event.time()).isEqualTo(1468001571.6816409);
        assertThat(event.text("host")).isEqualTo("WS01");
        assertThat(event.text("MinPasswordAge")).isEqualTo("\u0003");
        assertThat(event.text("Message")).isEqualTo("a & b\r\n\tc <d>");
        assertThat(event.get("Items").strings()).containsExactly("one", "two");
        assertThat(event.text("odd\u0001name")).isEqualTo("x\uffff");
        assertThat(event.raw()).startsWith("<event><field name=\"_time\">");
        assertThat(sink.rejected)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.reason()).isEqualTo("xml.missing-field");
                            assertThat(r.where().record()).isEqualTo(2);
                        });
    }

    @Test
    void anEventElementInsideAWindowsEventDoesNotCutIt() throws IOException {
        String xml =
                "<Event><System><EventID>1</EventID>"
                        + "<TimeCreated SystemTime='2021-10-01T17:30:39.0839657Z'/></System>"
                        + "<UserData><Log><event>inner</event></Log></UserData></Event>\n";

        RecordingSink sink = read(MemoryInput.of("user-data.xml", xml));

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events)
                .singleElement()
                .satisfies(e -> assertThat(e.text("event")).isEqualTo("inner"));
    }

    @Test
    void splunkOneEventPerLineGivesXmlWinEventLogFields() throws IOException {
        RecordingSink sink = read("splunk-one-per-line.xml");

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).hasSize(3);
        Event at = sink.events.get(0);
        assertThat(at.text("EventCode")).isEqualTo("4688");
        assertThat(at.text("sourcetype")).isEqualTo("XmlWinEventLog:Security");
        assertThat(at.text("source")).isEqualTo("XmlWinEventLog:Security");
        assertThat(at.text("index")).isEqualTo("wineventlog");
        assertThat(at.text("host")).isEqualTo("fs01.offsec.lan");
        assertThat(at.text("Computer")).isEqualTo("fs01.offsec.lan");
        assertThat(at.text("NewProcessName")).isEqualTo("C:\\Windows\\System32\\at.exe");
        assertThat(at.text("CommandLine"))
                .isEqualTo("at  13:20 /interactive \"cmd\" && echo <x> AB");
        assertThat(at.text("TargetUserName")).isEqualTo("-");
        assertThat(at.get("Empty")).isNull();
        assertThat(at.text("Name")).isEqualTo("Microsoft-Windows-Security-Auditing");
        assertThat(at.text("ProcessID")).isEqualTo("4");
        assertThat(at.time())
                .isEqualTo(1633109439.0839657, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(at.raw()).isEqualTo(lines("splunk-one-per-line.xml").get(0));
    }

    @Test
    void unnamedDataBinaryAndQualifiersAreFields() throws IOException {
        Event service = read("splunk-one-per-line.xml").events.get(1);

        assertThat(service.get("Data"))
                .isEqualTo(new FieldValue.MultiValue(List.of("Task Scheduler", "running")));
        assertThat(service.text("Binary")).isEqualTo("540061007300");
        assertThat(service.text("Qualifiers")).isEqualTo("16384");
        assertThat(service.text("EventCode")).isEqualTo("7036");
        assertThat(service.text("sourcetype")).isEqualTo("XmlWinEventLog:System");
    }

    @Test
    void userDataLeavesAreFieldsByElementName() throws IOException {
        Event cleared = read("splunk-one-per-line.xml").events.get(2);

        assertThat(cleared.text("SubjectUserName")).isEqualTo("administrator");
        assertThat(cleared.text("SubjectLogonId")).isEqualTo("0x4fd77");
        assertThat(cleared.get("LogFileCleared")).isNull();
    }

    @Test
    void prettyPrintedAndPrefixedEventsAreReadAndRawIsOneLine() throws IOException {
        RecordingSink sink = read("pretty-stream.xml");

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).hasSize(2);
        Event sysmon = sink.events.get(0);
        assertThat(sysmon.text("sourcetype"))
                .isEqualTo("XmlWinEventLog:Microsoft-Windows-Sysmon/Operational");
        assertThat(sysmon.text("CommandLine")).isEqualTo("wmic  process call create notepad.exe");
        assertThat(sysmon.text("UserID")).isEqualTo("S-1-5-18");
        assertThat(sysmon.raw())
                .doesNotContain("\n")
                .startsWith("<Event xmlns=")
                .endsWith("</Event>");
        assertThat(sysmon.raw()).contains("<System><Provider Name=\"Microsoft-Windows-Sysmon\"");
        Event task = sink.events.get(1);
        assertThat(task.text("EventCode")).isEqualTo("106");
        assertThat(task.text("TaskName"))
                .isEqualTo("\\Microsoft\\Windows\\SoftwareProtectionPlatform\\EventCacheManager");
        assertThat(task.text("host")).isEqualTo("WORKSTATION6.theshire.local");
        assertThat(sink.events.get(0).provenance().line()).isEqualTo(2);
        assertThat(sink.events.get(1).provenance().line()).isEqualTo(25);
    }

    @Test
    void malformedEventsAreRejectedWithTheirLineAndTheNextEventsAreRead() throws IOException {
        RecordingSink sink = read("malformed-middle.xml");

        assertThat(sink.events).extracting(e -> e.text("EventCode")).containsExactly("1", "4", "7");
        assertThat(sink.reasons())
                .containsExactly(
                        "xml.malformed", "xml.unterminated", "xml.malformed", "xml.missing-field");
        assertThat(sink.rejected).extracting(r -> r.where().line()).containsExactly(3L, 4L, 6L, 7L);
        Rejected mismatch = sink.rejected.get(0);
        assertThat(mismatch.where().input()).isEqualTo("malformed-middle.xml");
        assertThat(mismatch.where().offset())
                .isEqualTo(
                        fixtureText("malformed-middle.xml").indexOf("<Event><System><EventID>2"));
        assertThat(sink.rejected.get(2).detail()).contains("undeclared");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "splunk-one-per-line.xml",
                "pretty-stream.xml",
                "malformed-middle.xml",
                "billion-laughs.xml",
                "doctype-external.xml"
            })
    void inputCutIntoTinyReadsGivesTheSameRecords(String fixture) throws IOException {
        RecordingSink whole = read(fixture);
        for (int n : new int[] {1, 2, 3, 7, 64}) {
            RecordingSink trickled = read(MemoryInput.of(fixture, fixture(fixture)).trickled(n));

            assertThat(trickled.events)
                    .extracting(Event::toMap)
                    .isEqualTo(whole.events.stream().map(Event::toMap).toList());
            assertThat(trickled.rejected).isEqualTo(whole.rejected);
            assertThat(trickled.progress).isEqualTo(fixture(fixture).length);
        }
    }

    @Test
    void billionLaughsIsRejectedAsDoctypeAndItsEntitiesAreNeverExpanded() throws IOException {
        RecordingSink sink = read("billion-laughs.xml");

        assertThat(sink.reasons()).containsExactly("xml.doctype", "xml.malformed");
        assertThat(sink.rejected.get(0).where().line()).isEqualTo(2);
        assertThat(sink.rejected.get(1).detail()).contains("lol9");
        assertThat(sink.events).extracting(e -> e.text("EventCode")).containsExactly("4689");
    }

    @Test
    void externalEntityIsNeverResolved() throws IOException {
        RecordingSink sink = read("doctype-external.xml");

        assertThat(sink.reasons()).containsExactly("xml.doctype", "xml.malformed");
        assertThat(sink.events).extracting(e -> e.text("host")).containsExactly("b");
        assertThat(sink.rejected).allSatisfy(r -> assertThat(r.detail()).doesNotContain("root:"));
    }

    @Test
    void invalidUtf8IsReadAsReplacementAndTheEventKeptWithAWarning() throws IOException {
        byte[] good = event(1, "ok").getBytes(StandardCharsets.UTF_8);
        String at =
                event(2, "at 13:20 /interactive cmd")
                        .replace(
                                "<Data Name='CommandLine'>",
                                "<Data Name='NewProcessName'>C:\\Windows\\System32\\at.exe</Data>"
                                        + "<Data Name='CommandLine'>")
                        .replace("<Computer>h2", "<Computer>h2\u00ff");
        byte[] content = concat(good, at.getBytes(StandardCharsets.ISO_8859_1));

        RecordingSink sink = read(MemoryInput.of("bad-utf8.xml", content));

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).extracting(e -> e.text("EventCode")).containsExactly("1", "2");
        Event repaired = sink.events.get(1);
        assertThat(repaired.text("host")).isEqualTo("h2\ufffd");
        assertThat(repaired.text("NewProcessName")).isEqualTo("C:\\Windows\\System32\\at.exe");
        assertThat(sink.warnings).extracting(w -> w.reason()).containsExactly("xml.encoding");
        assertThat(sink.warnings.get(0).where()).isEqualTo(repaired.provenance());
        assertThat(sink.warnings.get(0).where().line()).isEqualTo(2);
        assertThat(sink.warnings.get(0).detail()).contains("0xff", "U+FFFD");
    }

    @Test
    void hundredMegabyteEventIsRejectedUnderTheRecordLimitWithBoundedMemory() throws IOException {
        String head =
                "<Event><System><EventID>4688</EventID><TimeCreated"
                        + " SystemTime='2021-01-01T00:00:01Z'/>"
                        + "<Channel>Security</Channel><Computer>a</Computer></System><EventData>"
                        + "<Data Name='CommandLine'>";
        String tail = "</Data></EventData></Event>\n" + event(2, "after");
        long size = 100L << 20;
        HeapPeak heap = new HeapPeak();
        RecordingSink sink = new RecordingSink();
        reader.read(
                new GeneratedInput("huge.xml", head, 'A', size, tail), ReadOptions.DEFAULTS, sink);

        assertThat(sink.reasons()).containsExactly("limit.record-bytes");
        assertThat(sink.rejected.get(0).detail()).contains("raise with --limit record-bytes=N");
        assertThat(sink.events).extracting(e -> e.text("EventCode")).containsExactly("2");
        heap.assertGrewLessThan(64L << 20);
    }

    @Test
    void emptyInputGivesNothing() throws IOException {
        RecordingSink sink = read(MemoryInput.of("empty.xml", new byte[0]));

        assertThat(sink.events).isEmpty();
        assertThat(sink.rejected).isEmpty();
    }

    @Test
    void strayTextOutsideEventsIsRejectedOnce() throws IOException {
        RecordingSink sink =
                read(MemoryInput.of("stray.xml", "garbage here\n" + event(1, "x") + "\nmore\n"));

        assertThat(sink.reasons()).containsExactly("xml.leading-bytes", "xml.stray-content");
        assertThat(sink.rejected.get(0).detail()).contains("13 bytes", "garbage here");
        assertThat(sink.rejected.get(0).where().offset()).isZero();
        assertThat(sink.events).hasSize(1);
    }

    @Test
    void characterReferencesAndCdataAreDecodedAndPassTheImagePrefilter() throws IOException {
        Query query = Spl.compile("EventCode=1 Image=\"*\\\\at.exe\"").query().orElseThrow();
        List<String> images =
                List.of(
                        "C:\\Windows\\System32&#x5C;at.exe",
                        "C:\\Windows\\System32\\&#97;t.exe",
                        "C:\\Windows\\System32\\at&#46;exe",
                        "<![CDATA[C:\\Windows\\System32\\a]]>t.exe",
                        "C:\\Windows\\System32\\cmd.exe");
        StringBuilder text = new StringBuilder();
        for (String image : images) {
            text.append(
                    event(1, "")
                            .replace(
                                    "<Channel>Security",
                                    "<Channel>Microsoft-Windows-Sysmon/Operational")
                            .replace("<Data Name='CommandLine'>", "<Data Name='Image'>" + image));
        }
        RecordingSink sink = new RecordingSink();
        reader.read(
                MemoryInput.of("spelled.xml", text.toString()),
                ReadOptions.DEFAULTS.withFilter(query.prefilter()),
                sink);

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.prefiltered).isEqualTo(1);
        assertThat(sink.events)
                .extracting(e -> e.text("Image"))
                .containsOnly("C:\\Windows\\System32\\at.exe")
                .hasSize(4);
        assertThat(sink.events).allMatch(query.filter(ExecutionOptions.splunk())::test);
    }

    @Test
    void evtxDumpRecordLinesAndPrologsBetweenEventsAreSkipped() throws IOException {
        String prolog = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
        String text =
                "Record 7\n" + prolog + event(1, "a") + "Record 8\r\n" + prolog + event(2, "b");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        RecordingSink sink = read(MemoryInput.of("evtx_dump.xml", text));

        assertThat(reader.recognizes(bytes, bytes.length)).isTrue();
        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).extracting(e -> e.text("EventCode")).containsExactly("1", "2");
        assertThat(sink.events.get(1).provenance().line()).isEqualTo(6);
    }

    @Test
    void eventsSharingALineAreToldApartByRecordNumberAndOffset() throws IOException {
        String one = event(1, "a").strip();
        String two = event(2, "b").strip();
        String events = "<Events>" + one + two + "</Events>\n";
        String wevtutil = one + two + "\n" + event(3, "c");

        RecordingSink document = read(MemoryInput.of("one-line.xml", events));
        RecordingSink stream = read(MemoryInput.of("wevtutil.xml", wevtutil));

        assertThat(document.events)
                .extracting(e -> e.provenance().describe())
                .containsExactly(
                        "one-line.xml:1 #1 @8", "one-line.xml:1 #2 @" + (8 + one.length()));
        assertThat(stream.events)
                .extracting(e -> e.provenance().describe())
                .containsExactly(
                        "wevtutil.xml:1 #1 @0",
                        "wevtutil.xml:1 #2 @" + one.length(),
                        "wevtutil.xml:2");
        assertThat(read("pretty-stream.xml").events)
                .extracting(e -> e.provenance().describe())
                .containsExactly("pretty-stream.xml:2", "pretty-stream.xml:25");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 200, 700})
    void inputCutInsideAnEventIsReadAfterOneLeadingRange(int cut) throws IOException {
        byte[] whole = fixture("splunk-one-per-line.xml");
        String text = fixtureText("splunk-one-per-line.xml");
        int second = text.indexOf("\n<Event ") + 1;
        byte[] tail = java.util.Arrays.copyOfRange(whole, cut, whole.length);

        RecordingSink sink = read(MemoryInput.of("tail.xml", tail));

        assertThat(reader.firstRecord(tail, tail.length)).isEqualTo(second - cut);
        assertThat(sink.reasons()).containsExactly("xml.leading-bytes");
        Rejected leading = sink.rejected.get(0);
        assertThat(leading.where().offset()).isZero();
        assertThat(leading.where().line()).isEqualTo(1);
        assertThat(leading.detail()).startsWith((second - cut) + " bytes before the first event");
        assertThat(sink.events).hasSize(2);
    }

    @Test
    void prettyPrintedInputCutAtATagIsReadAfterOneLeadingRange() throws IOException {
        String text = fixtureText("pretty-stream.xml");
        String tail = text.substring(text.indexOf("    <Data Name=\"Image\">"));

        RecordingSink sink = read(MemoryInput.of("tail.xml", tail));

        assertThat(sink.reasons()).containsExactly("xml.leading-bytes");
        assertThat(sink.rejected.get(0).where().offset()).isEqualTo(4);
        assertThat(sink.rejected.get(0).detail()).contains("<Data Name=\"Image\">");
        assertThat(sink.events).extracting(e -> e.text("EventCode")).containsExactly("106");
    }

    @Test
    void recognizesEventXmlByContent() {
        assertThat(reader.recognizes(fixture("pretty-stream.xml"), 200)).isTrue();
        assertThat(reader.recognizes(fixture("splunk-one-per-line.xml"), 100)).isTrue();
        byte[] json = "{\"Event\":{\"System\":{}}}".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.recognizes(json, json.length)).isFalse();
        byte[] events = "<Events><Eventually/>".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.recognizes(events, events.length)).isFalse();
    }

    static String event(int id, String commandLine) {
        return "<Event><System><EventID>"
                + id
                + "</EventID><TimeCreated SystemTime='2021-01-01T00:00:0"
                + id
                + "Z'/><Channel>Security</Channel><Computer>h"
                + id
                + "</Computer></System><EventData><Data Name='CommandLine'>"
                + commandLine
                + "</Data></EventData></Event>\n";
    }

    private static List<String> lines(String fixture) {
        return fixtureText(fixture).lines().toList();
    }

    private static String fixtureText(String fixture) {
        return new String(fixture(fixture), StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
