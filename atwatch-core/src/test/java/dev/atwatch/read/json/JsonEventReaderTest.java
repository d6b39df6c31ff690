package dev.atwatch.read.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.detect.RulePack;
import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Profile;
import dev.atwatch.read.GeneratedInput;
import dev.atwatch.read.HeapPeak;
import dev.atwatch.read.MemoryInput;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordingSink;
import dev.atwatch.read.Rejected;
import dev.atwatch.spl.EventFilter;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Query;
import dev.atwatch.spl.Spl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonEventReaderTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "windows");

    private final JsonEventReader reader = new JsonEventReader();

    static byte[] fixture(String name) {
        try (InputStream in = JsonEventReaderTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RecordingSink read(MemoryInput input, ReadOptions options) throws IOException {
        RecordingSink sink = new RecordingSink();
        reader.read(input, options, sink);
        return sink;
    }

    private RecordingSink read(String fixture) throws IOException {
        return read(MemoryInput.of(fixture, fixture(fixture)), ReadOptions.DEFAULTS);
    }

    private static String iso(Event event) {
        return Instant.ofEpochMilli(Math.round(event.time() * 1000)).toString();
    }

    @Test
    void eventsExportedWithTheirMetadataAreReadFieldForField() throws IOException {
        String lines =
                "{\"_time\":\"2016-07-08T18:12:51.6816409Z\",\"host\":\"WS01\","
                        + "\"source\":\"XmlWinEventLog:Security\","
                        + "\"sourcetype\":\"XmlWinEventLog:Security\",\"index\":\"main\","
                        + "\"EventCode\":\"4739\",\"EventID\":\"4739\","
                        + "\"MinPasswordAge\":\"\\u0003\",\"Items\":[\"one\",\"two\"]}\n"
                        + "{\"_time\":1468001571.5,\"host\":\"db1\",\"source\":\"/var/log/audit\","
                        + "\"sourcetype\":\"linux:audit\",\"index\":\"linux\","
                        + "\"exe\":\"/usr/bin/at\","
                        + "\"_raw\":\"type=SYSCALL ...\"}\n";
        MemoryInput input = MemoryInput.of("export.jsonl", lines);

        RecordingSink sink = read(input, ReadOptions.DEFAULTS);
        RecordingSink overridden = read(input, new ReadOptions("lab", "H1", ReadLimits.DEFAULTS));

        assertThat(reader.recognizes(lines.getBytes(StandardCharsets.UTF_8), lines.length()))
                .isTrue();
        assertThat(sink.rejected).isEmpty();
        Event windows = sink.events.get(0);
        assertThat(windows.time()).isEqualTo(1468001571.6816409);
        assertThat(windows.text("index")).isEqualTo("main");
        assertThat(windows.text("MinPasswordAge")).isEqualTo("\u0003");
        assertThat(windows.get("Items").strings()).containsExactly("one", "two");
        assertThat(windows.get("Computer")).isNull();
        assertThat(windows.raw()).startsWith("{\"_time\"");
        Event audit = sink.events.get(1);
        assertThat(audit.time()).isEqualTo(1468001571.5);
        assertThat(audit.text("sourcetype")).isEqualTo("linux:audit");
        assertThat(audit.raw()).isEqualTo("type=SYSCALL ...");
        assertThat(overridden.events.get(1).text("index")).isEqualTo("lab");
        assertThat(overridden.events.get(1).text("host")).isEqualTo("H1");
    }

    @Test
    void nxlogFlatObjectsMapToXmlFieldNamesWithCanonicalChannel() throws IOException {
        RecordingSink sink = read("nxlog-flat.jsonl");

        assertThat(sink.rejected).isEmpty();
        Event at = sink.events.get(0);
        assertThat(at.text("sourcetype")).isEqualTo("XmlWinEventLog:Security");
        assertThat(at.text("Channel")).isEqualTo("security");
        assertThat(at.text("EventCode")).isEqualTo("4688");
        assertThat(at.text("host")).isEqualTo("WORKSTATION5.theshire.local");
        assertThat(at.text("Computer")).isEqualTo("WORKSTATION5.theshire.local");
        assertThat(at.text("NewProcessName")).isEqualTo("C:\\Windows\\System32\\at.exe");
        assertThat(at.text("EventRecordID")).isEqualTo("12");
        assertThat(at.text("Name")).isEqualTo("Microsoft-Windows-Security-Auditing");
        assertThat(at.get("port")).isNull();
        assertThat(at.get("EventReceivedTime")).isNull();
        assertThat(iso(at)).isEqualTo("2020-12-19T06:59:30.123Z");
        assertThat(at.raw())
                .isEqualTo(
                        new String(fixture("nxlog-flat.jsonl"), StandardCharsets.UTF_8)
                                .lines()
                                .findFirst()
                                .orElseThrow());
        Event sysmon = sink.events.get(1);
        assertThat(sysmon.text("sourcetype"))
                .isEqualTo("XmlWinEventLog:Microsoft-Windows-Sysmon/Operational");
        assertThat(sysmon.text("Version")).isEqualTo("5");
        assertThat(sysmon.get("Hashes")).isNull();
        assertThat(iso(sysmon)).isEqualTo("2020-12-19T01:59:31Z");
        assertThat(sysmon.provenance().line()).isEqualTo(2);
    }

    @Test
    void winlogbeatEventDataAndUserDataAreFields() throws IOException {
        RecordingSink sink = read("winlogbeat.jsonl");

        assertThat(sink.rejected).isEmpty();
        Event at = sink.events.get(0);
        assertThat(at.text("EventCode")).isEqualTo("4688");
        assertThat(at.text("host")).isEqualTo("ws01.corp.local");
        assertThat(at.text("CommandLine")).isEqualTo("at 09:00 /every:M cmd /c backup.bat");
        assertThat(at.text("EventRecordID")).isEqualTo("987654");
        assertThat(at.text("ProcessID")).isEqualTo("4");
        assertThat(at.text("ThreadID")).isEqualTo("7136");
        assertThat(iso(at)).isEqualTo("2023-04-02T10:11:12.345Z");
        Event wmi = sink.events.get(1);
        assertThat(wmi.text("sourcetype"))
                .isEqualTo("XmlWinEventLog:Microsoft-Windows-WMI-Activity/Operational");
        assertThat(wmi.text("CONSUMER")).isEqualTo("CommandLineEventConsumer=\"Evil\"");
        assertThat(wmi.get("xml_name")).isNull();
    }

    @Test
    void evtxDumpNestedShapeWithAttributesAndTextKeys() throws IOException {
        RecordingSink sink = read("evtx-dump-nested.json");

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).hasSize(2);
        Event at = sink.events.get(0);
        assertThat(at.text("EventCode")).isEqualTo("4688");
        assertThat(at.text("Qualifiers")).isEqualTo("0");
        assertThat(at.text("Name")).isEqualTo("Microsoft-Windows-Security-Auditing");
        assertThat(at.text("CommandLine")).isEqualTo("at  13:20 /interactive cmd");
        assertThat(at.text("host")).isEqualTo("fs01.offsec.lan");
        assertThat(iso(at)).isEqualTo("2021-10-01T17:30:39.084Z");
        assertThat(at.provenance().line()).isEqualTo(1);
        Event service = sink.events.get(1);
        assertThat(service.get("Data"))
                .isEqualTo(new FieldValue.MultiValue(List.of("Task Scheduler", "running")));
        assertThat(service.provenance().line()).isEqualTo(38);
    }

    @Test
    void splunkExportRereadsRawAndKeepsItsOwnMetadata() throws IOException {
        RecordingSink sink = read("splunk-export.jsonl");

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).hasSize(3);
        Event xml = sink.events.get(0);
        assertThat(xml.text("NewProcessName")).isEqualTo("C:\\Windows\\System32\\at.exe");
        assertThat(xml.text("sourcetype")).isEqualTo("XmlWinEventLog");
        assertThat(xml.text("source")).isEqualTo("XmlWinEventLog:Security");
        assertThat(xml.text("index")).isEqualTo("win_prod");
        assertThat(xml.text("host")).isEqualTo("fs01");
        assertThat(xml.raw()).startsWith("<Event xmlns=");
        assertThat(iso(xml)).isEqualTo("2021-10-01T17:30:39Z");
        Event classic = sink.events.get(1);
        assertThat(classic.text("New_Process_Name")).isEqualTo("C:\\Windows\\System32\\at.exe");
        assertThat(classic.text("Process_Command_Line")).isEqualTo("at  13:20 /interactive cmd");
        assertThat(classic.text("sourcetype")).isEqualTo("WinEventLog");
        Event fields = sink.events.get(2);
        assertThat(fields.text("Image")).isEqualTo("C:\\Windows\\System32\\at.exe");
        assertThat(fields.get("CommandLine"))
                .isEqualTo(new FieldValue.MultiValue(List.of("at 10:00 cmd", "x")));
        assertThat(fields.get("_cd")).isNull();
        assertThat(fields.text("sourcetype")).isEqualTo("XmlWinEventLog:Security");
        assertThat(fields.raw()).startsWith("{\"preview\":false");
        assertThat(sink.events).allMatch(Event::namedBySplunk);
        assertThat(Profile.TA_WINDOWS_8.apply(fields).text("sourcetype"))
                .isEqualTo("XmlWinEventLog:Security");
    }

    @Test
    void profileRenamesTheSourcetypeOfEventsNotExportedBySplunk() throws IOException {
        Event nxlog = read("nxlog-flat.jsonl").events.get(0);

        assertThat(nxlog.namedBySplunk()).isFalse();
        Event named = Profile.TA_WINDOWS_8.apply(nxlog);
        assertThat(named.text("sourcetype")).isEqualTo("XmlWinEventLog");
        assertThat(named.text("source")).isEqualTo("XmlWinEventLog:Security");
    }

    @Test
    void splunkResultsDocumentGivesOneEventPerResultWithItsOwnLocation() throws IOException {
        RecordingSink sink = read("splunk-results.json");

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events)
                .extracting(e -> e.text("EventCode"))
                .containsExactly("4698", "4699");
        assertThat(sink.events).extracting(e -> e.provenance().line()).containsExactly(2L, 3L);
        String text = new String(fixture("splunk-results.json"), StandardCharsets.UTF_8);
        assertThat(sink.events.get(1).provenance().offset())
                .isEqualTo(text.indexOf("{\"_raw\":\"<Event><System><EventID>4699"));
    }

    @Test
    void topLevelArrayOfEvents() throws IOException {
        RecordingSink sink = read("array.json");

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events)
                .extracting(e -> e.text("EventCode"))
                .containsExactly("4688", "4689");
        assertThat(sink.events.get(1).raw()).startsWith("{\"EventID\": 4689");
    }

    @Test
    void badLinesAreRejectedWithTheirLocationAndTheNextLineIsRead() throws IOException {
        RecordingSink sink = read("bad-lines.jsonl");

        assertThat(sink.events)
                .extracting(e -> e.text("EventCode"))
                .containsExactly("1", "4", "6", "8");
        assertThat(sink.reasons())
                .containsExactly(
                        "json.malformed",
                        "json.malformed",
                        "json.malformed",
                        "json.malformed",
                        "json.missing-field",
                        "json.unknown-shape");
        assertThat(sink.rejected)
                .extracting(r -> r.where().line())
                .containsExactly(2L, 3L, 5L, 7L, 8L, 9L);
        String text = new String(fixture("bad-lines.jsonl"), StandardCharsets.UTF_8);
        assertThat(sink.rejected.get(0).where().offset()).isEqualTo(text.indexOf("{\"EventID\":2"));
        assertThat(sink.rejected.get(0).detail()).contains("was expecting comma");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nxlog-flat.jsonl",
                "winlogbeat.jsonl",
                "evtx-dump-nested.json",
                "splunk-export.jsonl",
                "splunk-results.json",
                "array.json",
                "bad-lines.jsonl",
                "truncated-at-end.jsonl"
            })
    void inputCutIntoTinyReadsGivesTheSameRecords(String fixture) throws IOException {
        RecordingSink whole = read(fixture);
        for (int n : new int[] {1, 2, 5, 13}) {
            RecordingSink trickled =
                    read(
                            MemoryInput.of(fixture, fixture(fixture)).trickled(n),
                            ReadOptions.DEFAULTS);

            assertThat(trickled.events)
                    .extracting(Event::toMap)
                    .isEqualTo(whole.events.stream().map(Event::toMap).toList());
            assertThat(trickled.rejected).isEqualTo(whole.rejected);
            assertThat(trickled.progress).isEqualTo(fixture(fixture).length);
        }
    }

    @Test
    void valueCutByTheEndOfInputIsRejectedAndEveryByteIsAccounted() throws IOException {
        RecordingSink sink = read("truncated-at-end.jsonl");

        assertThat(sink.reasons()).containsExactly("json.malformed");
        assertThat(sink.rejected.get(0).detail()).isEqualTo("input ends inside a JSON value");
        assertThat(sink.rejected.get(0).where().line()).isEqualTo(1);
        assertThat(sink.progress).isEqualTo(fixture("truncated-at-end.jsonl").length);
    }

    @Test
    void invalidUtf8IsReadAsReplacementAndTheEventKeptWithAWarning() throws IOException {
        byte[] bad =
                ("{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
                                + "\"@timestamp\":\"2020-01-01T00:00:01Z\",\"Msg\":\"\u00ff\","
                                + "\"Image\":\"C:\\\\Windows\\\\System32\\\\at.exe\"}\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = line(2).getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bad.length + good.length];
        System.arraycopy(bad, 0, content, 0, bad.length);
        System.arraycopy(good, 0, content, bad.length, good.length);
        Query query = Spl.compile("EventCode=1 Image=\"*\\\\at.exe\"").query().orElseThrow();

        for (ReadOptions options :
                List.of(ReadOptions.DEFAULTS, ReadOptions.DEFAULTS.withFilter(query.prefilter()))) {
            RecordingSink sink = read(MemoryInput.of("utf8.jsonl", content), options);

            assertThat(sink.rejected).isEmpty();
            Event at = sink.events.get(0);
            assertThat(at.text("Msg")).isEqualTo("\ufffd");
            assertThat(query.filter(ExecutionOptions.splunk()).test(at)).isTrue();
            assertThat(sink.warnings).extracting(w -> w.reason()).containsExactly("json.encoding");
            assertThat(sink.warnings.get(0).where()).isEqualTo(at.provenance());
            assertThat(sink.warnings.get(0).detail()).contains("0xff");
        }
        RecordingSink all = read(MemoryInput.of("utf8.jsonl", content), ReadOptions.DEFAULTS);
        assertThat(all.events).extracting(e -> e.text("EventCode")).containsExactly("1", "2");
    }

    @Test
    void hundredMegabyteLineIsRejectedUnderTheRecordLimitWithBoundedMemory() throws IOException {
        String head = "{\"EventID\":1,\"Channel\":\"Security\",\"CommandLine\":\"";
        String tail = "\"}\n" + line(2);
        HeapPeak heap = new HeapPeak();
        RecordingSink sink = new RecordingSink();
        reader.read(
                new GeneratedInput("huge.jsonl", head, 'A', 100L << 20, tail),
                ReadOptions.DEFAULTS,
                sink);

        assertThat(sink.reasons()).containsExactly("limit.record-bytes");
        assertThat(sink.events).extracting(e -> e.text("EventCode")).containsExactly("2");
        heap.assertGrewLessThan(96L << 20);
    }

    @Test
    void lowRecordLimitStillReadsEveryObjectThatFitsAndRejectsTheOneThatDoesNot()
            throws IOException {
        ReadOptions options =
                new ReadOptions(null, null, ReadLimits.DEFAULTS.with(ReadLimits.RECORD_BYTES, 100));
        String big =
                "{\"EventID\":9,\"Channel\":\"Security\",\"CommandLine\":\""
                        + "x".repeat(200)
                        + "\"}\n";
        String text = line(1) + big + line(2) + line(3);

        RecordingSink sink = read(MemoryInput.of("limit.jsonl", text), options);

        assertThat(sink.events).extracting(e -> e.text("EventCode")).containsExactly("1", "2", "3");
        assertThat(sink.reasons()).containsExactly("limit.record-bytes");
        assertThat(sink.rejected.get(0).where().line()).isEqualTo(2);
    }

    @Test
    void valueLongerThanTheLimitIsRejectedByName() throws IOException {
        ReadOptions options =
                new ReadOptions(null, null, ReadLimits.DEFAULTS.with(ReadLimits.VALUE_CHARS, 10));
        String text =
                "{\"EventID\":1,\"Channel\":\"Security\",\"@timestamp\":\"2020-01-01T00:00:01Z\","
                        + "\"CommandLine\":\"0123456789abcdef\"}\n";

        RecordingSink sink = read(MemoryInput.of("long.jsonl", text), options);

        assertThat(sink.reasons()).containsExactly("limit.value-chars");
    }

    @Test
    void emptyInputAndBlankLinesGiveNothing() throws IOException {
        assertThat(read(MemoryInput.of("e.json", ""), ReadOptions.DEFAULTS).rejected).isEmpty();
        RecordingSink sink =
                read(MemoryInput.of("b.json", "\n\n" + line(1) + "\n\n"), ReadOptions.DEFAULTS);
        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).hasSize(1);
        assertThat(sink.events.get(0).provenance().line()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "json-nxlog-at-cmd.json",
                "json-winlogbeat-at-powershell.json",
                "splunk-export-wmi-scheduledjob.json"
            })
    void referenceRulePrefilterSkipsRecordsAndKeepsEveryMatch(String example) throws Exception {
        byte[] content = Files.readAllBytes(EXAMPLES.resolve(example));
        Query reference =
                Spl.compile(RulePack.bundled().rule("t1053-002-reference").search())
                        .query()
                        .orElseThrow();
        RecordingSink all = read(MemoryInput.of(example, content), ReadOptions.DEFAULTS);
        RecordingSink filtered =
                read(
                        MemoryInput.of(example, content),
                        ReadOptions.DEFAULTS.withFilter(reference.prefilter()));

        EventFilter search = reference.filter(ExecutionOptions.splunk());
        List<Long> matches = offsets(all.events.stream().filter(search::test).toList());
        assertThat(matches).isNotEmpty();
        assertThat(offsets(filtered.events)).containsAll(matches);
        assertThat(filtered.prefiltered).isPositive();
        assertThat(filtered.prefiltered + filtered.events.size()).isEqualTo(all.events.size());
        assertThat(filtered.rejected).isEqualTo(all.rejected);
    }

    @Test
    void recordSpellingALiteralWithEscapesIsNotPrefiltered() throws IOException {
        String spelled =
                "{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
                        + "\"@timestamp\":\"2020-01-01T00:00:01Z\","
                        + "\"Image\":\"C:\\\\Windows\\\\System32\\\\at\\u002eexe\"}\n";
        Query query = Spl.compile("EventCode=1 Image=\"*\\\\at.exe\"").query().orElseThrow();

        RecordingSink sink =
                read(
                        MemoryInput.of("spelled.jsonl", spelled + line(2)),
                        ReadOptions.DEFAULTS.withFilter(query.prefilter()));

        assertThat(sink.prefiltered).isEqualTo(1);
        assertThat(sink.events).hasSize(1);
        assertThat(sink.events.get(0).text("Image")).isEqualTo("C:\\Windows\\System32\\at.exe");
        assertThat(query.filter(ExecutionOptions.splunk()).test(sink.events.get(0))).isTrue();
    }

    private static List<Long> offsets(List<Event> events) {
        return events.stream().map(e -> e.provenance().offset()).toList();
    }

    @Test
    void linesBeforeTheFirstObjectAreOneLeadingRange() throws IOException {
        String text = "garbage line\n\"Image\":\"x\"},\n\n" + line(1) + "stray\n" + line(2);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        RecordingSink sink = read(MemoryInput.of("lead.jsonl", text), ReadOptions.DEFAULTS);

        assertThat(reader.recognizes(bytes, bytes.length)).isFalse();
        assertThat(reader.firstRecord(bytes, bytes.length)).isEqualTo(text.indexOf('{'));
        assertThat(sink.reasons()).containsExactly("json.leading-bytes", "json.malformed");
        Rejected leading = sink.rejected.get(0);
        assertThat(leading.where().offset()).isZero();
        assertThat(leading.detail())
                .isEqualTo(
                        (text.indexOf("\n\n") + 1)
                                + " bytes before the first event, from: 'garbage line'");
        assertThat(sink.events).extracting(e -> e.text("EventCode")).containsExactly("1", "2");
        assertThat(sink.events.get(0).provenance().line()).isEqualTo(4);
    }

    @Test
    void inputCutInsideAnObjectIsReadAfterOneLeadingRange() throws IOException {
        byte[] whole = fixture("nxlog-flat.jsonl");
        String text = new String(whole, StandardCharsets.UTF_8);
        int cut = text.indexOf("\"Channel\"");
        byte[] tail = java.util.Arrays.copyOfRange(whole, cut, whole.length);

        RecordingSink sink = read(MemoryInput.of("tail.jsonl", tail), ReadOptions.DEFAULTS);

        assertThat(sink.reasons()).containsExactly("json.leading-bytes");
        assertThat(sink.rejected.get(0).where().offset()).isZero();
        assertThat(sink.events).hasSize(read("nxlog-flat.jsonl").events.size() - 1);
    }

    @Test
    void evtxDumpJsonOutputWithRecordLinesIsRead() throws IOException {
        String nested = new String(fixture("evtx-dump-nested.json"), StandardCharsets.UTF_8);
        String pretty = nested.substring(0, nested.indexOf("\n{\"Event\"") + 1);
        String text = "Record 2165579\n" + pretty + "Record 2165580\n" + pretty;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        RecordingSink sink = read(MemoryInput.of("evtx_dump.json", text), ReadOptions.DEFAULTS);
        RecordingSink trickled =
                read(MemoryInput.of("evtx_dump.json", text).trickled(3), ReadOptions.DEFAULTS);

        assertThat(reader.recognizes(bytes, bytes.length)).isTrue();
        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events)
                .extracting(e -> e.text("CommandLine"))
                .hasSize(2)
                .containsOnly("at  13:20 /interactive cmd");
        assertThat(sink.events.get(1).provenance().line()).isEqualTo(pretty.lines().count() + 3);
        assertThat(trickled.events)
                .extracting(Event::toMap)
                .isEqualTo(sink.events.stream().map(Event::toMap).toList());
    }

    @Test
    void objectsSharingALineAreToldApartByRecordNumberAndOffset() throws IOException {
        String one = line(1).strip();
        String two = line(2).strip();
        String text = "[" + one + "," + two + "]\n" + line(3);
        Query query = Spl.compile("Hostname=h").query().orElseThrow();

        for (ReadOptions options :
                List.of(ReadOptions.DEFAULTS, ReadOptions.DEFAULTS.withFilter(query.prefilter()))) {
            RecordingSink sink = read(MemoryInput.of("array.json", text), options);

            assertThat(sink.events)
                    .extracting(e -> e.provenance().describe())
                    .containsExactly(
                            "array.json:1 #1 @1",
                            "array.json:1 #2 @" + (2 + one.length()),
                            "array.json:2");
        }
    }

    @Test
    void recognizesWindowsJsonByContent() {
        byte[] flat = fixture("nxlog-flat.jsonl");
        assertThat(reader.recognizes(flat, flat.length)).isTrue();
        byte[] journal =
                "{\"__REALTIME_TIMESTAMP\":\"1\",\"MESSAGE\":\"x\"}"
                        .getBytes(StandardCharsets.UTF_8);
        assertThat(reader.recognizes(journal, journal.length)).isFalse();
        byte[] xml = "<Event>".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.recognizes(xml, xml.length)).isFalse();
    }

    static String line(int id) {
        return "{\"EventID\":"
                + id
                + ",\"Channel\":\"Security\",\"Hostname\":\"h\",\"@timestamp\":\"2020-01-01T00:00:0"
                + id
                + "Z\"}\n";
    }
}
