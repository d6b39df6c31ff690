package dev.atwatch.read.winclassic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.read.GeneratedInput;
import dev.atwatch.read.HeapPeak;
import dev.atwatch.read.MemoryInput;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordingSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WinClassicReaderTest {

    private final WinClassicReader reader = new WinClassicReader();

    static byte[] fixture(String name) {
        try (InputStream in = WinClassicReaderTest.class.getResourceAsStream(name)) {
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

    @ParameterizedTest
    @ValueSource(strings = {"security-4688.log", "lf-only.log"})
    void processCreationGivesHeaderAndLabelFields(String fixture) throws IOException {
        RecordingSink sink = read(fixture);

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).hasSize(2);
        Event at = sink.events.get(0);
        assertThat(at.text("sourcetype")).isEqualTo("WinEventLog:Security");
        assertThat(at.text("source")).isEqualTo("WinEventLog:Security");
        assertThat(at.text("host")).isEqualTo("fs01.offsec.lan");
        assertThat(at.text("index")).isEqualTo("wineventlog");
        assertThat(at.text("EventCode")).isEqualTo("4688");
        assertThat(at.text("ComputerName")).isEqualTo("fs01.offsec.lan");
        assertThat(at.text("RecordNumber")).isEqualTo("2165579");
        assertThat(at.text("TaskCategory")).isEqualTo("Process Creation");
        assertThat(at.text("Keywords")).isEqualTo("Audit Success");
        assertThat(at.text("New_Process_Name")).isEqualTo("C:\\Windows\\System32\\at.exe");
        assertThat(at.text("Process_Command_Line")).isEqualTo("at  13:20 /interactive cmd");
        assertThat(at.text("Creator_Process_Name")).isEqualTo("C:\\Windows\\System32\\cmd.exe");
        assertThat(at.text("Token_Elevation_Type")).isEqualTo("%%1937");
        assertThat(at.get("Account_Name"))
                .isEqualTo(new FieldValue.MultiValue(List.of("admmig", "-")));
        assertThat(at.get("Security_ID"))
                .isEqualTo(
                        new FieldValue.MultiValue(
                                List.of(
                                        "S-1-5-21-4230534742-2542757381-3142984815-1111",
                                        "S-1-0-0")));
        assertThat(at.get("Creator_Subject")).isNull();
        assertThat(at.text("Message"))
                .startsWith("A new process has been created.\n\nCreator Subject:");
        assertThat(Instant.ofEpochSecond((long) at.time()))
                .isEqualTo(Instant.parse("2021-10-01T17:30:39Z"));
        assertThat(at.raw()).startsWith("10/01/2021 05:30:39 PM").endsWith("service account.");
        assertThat(at.provenance().line()).isEqualTo(1);
        assertThat(at.provenance().offset()).isZero();

        Event service = sink.events.get(1);
        assertThat(service.text("sourcetype")).isEqualTo("WinEventLog:System");
        assertThat(service.text("Message"))
                .isEqualTo("The Task Scheduler service entered the running state.");
        assertThat(service.time())
                .isEqualTo(1633109462.517, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(service.provenance().line()).isEqualTo(38);
    }

    @Test
    void sysmonLabelLinesGiveTheFieldsOfTheEventXml() throws IOException {
        RecordingSink sink = read("sysmon.log");

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).hasSize(2);
        Event at = sink.events.get(0);
        assertThat(at.text("sourcetype"))
                .isEqualTo("WinEventLog:Microsoft-Windows-Sysmon/Operational");
        assertThat(at.text("EventCode")).isEqualTo("1");
        assertThat(at.text("Image")).isEqualTo("C:\\Windows\\System32\\at.exe");
        assertThat(at.text("OriginalFileName")).isEqualTo("AT.EXE");
        assertThat(at.text("CommandLine"))
                .isEqualTo(
                        "at.exe 23:00 /interactive \"cmd.exe /c echo job: done >"
                                + " C:\\Users\\Public\\o.txt\"");
        assertThat(at.text("ParentImage")).isEqualTo("C:\\Windows\\System32\\cmd.exe");
        assertThat(at.text("UtcTime")).isEqualTo("2026-03-13 22:22:31.417");
        assertThat(at.text("RuleName")).isEqualTo("-");
        assertThat(at.text("Product")).isEqualTo("Microsoft\u00ae Windows\u00ae Operating System");
        // the header's User=NOT_TRANSLATED gives way to Sysmon's, as in the event XML
        assertThat(at.get("User")).isEqualTo(new FieldValue.Text("KESTREL\\j.reyes"));
        assertThat(at.text("Sid")).isEqualTo("S-1-5-18");
        assertThat(at.text("Message")).startsWith("Process Create:\nRuleName: -\nUtcTime:");

        Event file = sink.events.get(1);
        assertThat(file.text("TargetFilename")).isEqualTo("C:\\WINDOWS\\TASKS\\AT3.JOB");
        assertThat(file.text("User")).isEqualTo("NT AUTHORITY\\SYSTEM");
    }

    @Test
    void spaceLabelsOutsideSysmonStayInTheMessage() throws IOException {
        String text =
                "10/01/2021 05:30:39 PM\nLogName=Application\nEventCode=1000\n"
                        + "Message=Faulting application:\nImage: C:\\x.exe\n";

        Event event =
                read(MemoryInput.of("app.log", text.getBytes(StandardCharsets.UTF_8)))
                        .events
                        .get(0);

        assertThat(event.get("Image")).isNull();
        assertThat(event.text("Message")).endsWith("Image: C:\\x.exe");
    }

    @Test
    void indentedLinesAfterALabelAreFurtherValuesOfIt() throws IOException {
        RecordingSink sink = read("security-5145.log");

        assertThat(sink.rejected).isEmpty();
        Event share = sink.events.get(0);
        assertThat(share.get("Accesses"))
                .isEqualTo(
                        new FieldValue.MultiValue(
                                List.of("ReadData (or ListDirectory)", "WriteData (or AddFile)")));
        assertThat(share.text("Relative_Target_Name")).isEqualTo("atsvc");
        assertThat(share.text("Share_Name")).isEqualTo("\\\\*\\IPC$");
        assertThat(share.text("Source_Address")).isEqualTo("10.40.2.31");
        // a heading, a blank or an unindented line ends the list
        assertThat(share.get("Object_Type")).isEqualTo(new FieldValue.Text("File"));
        assertThat(share.get("Share_Path")).isNull();
        assertThat(share.get("Access_Check_Results")).isNull();
        assertThat(share.get("Access_Mask")).isEqualTo(new FieldValue.Text("0x3"));
    }

    @Test
    void crlfRawKeepsItsLineEnds() throws IOException {
        Event at = read("security-4688.log").events.get(0);

        assertThat(at.raw()).contains("LogName=Security\r\nEventCode=4688\r\n");
    }

    @Test
    void truncatedEventsAndStrayLinesAreRejectedWithTheirLines() throws IOException {
        RecordingSink sink = read("truncated.log");

        assertThat(sink.events).extracting(e -> e.text("EventCode")).containsExactly("7036");
        assertThat(sink.reasons())
                .containsExactly(
                        "classic.leading-bytes",
                        "classic.truncated",
                        "classic.truncated",
                        "classic.truncated");
        assertThat(sink.rejected)
                .extracting(r -> r.where().line())
                .containsExactly(1L, 2L, 6L, 22L);
        assertThat(sink.rejected.get(0).detail())
                .contains("31 bytes", "garbage before the first event");
        assertThat(sink.rejected.get(2).detail()).contains("LogName");
        assertThat(sink.rejected.get(3).detail()).contains("input ends inside the event");
        String text = new String(fixture("truncated.log"), StandardCharsets.UTF_8);
        assertThat(sink.rejected.get(3).where().offset())
                .isEqualTo(text.indexOf("10/01/2021 05:32:00 PM"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "security-4688.log",
                "lf-only.log",
                "truncated.log",
                "sysmon.log",
                "security-5145.log"
            })
    void inputCutIntoTinyReadsGivesTheSameRecords(String fixture) throws IOException {
        RecordingSink whole = read(fixture);
        for (int n : new int[] {1, 2, 3, 11}) {
            RecordingSink trickled = read(MemoryInput.of(fixture, fixture(fixture)).trickled(n));

            assertThat(trickled.events)
                    .extracting(Event::toMap)
                    .isEqualTo(whole.events.stream().map(Event::toMap).toList());
            assertThat(trickled.rejected).isEqualTo(whole.rejected);
            assertThat(trickled.progress).isEqualTo(fixture(fixture).length);
        }
    }

    @Test
    void invalidUtf8IsReadAsReplacementAndTheWarningPointsAtTheLine() throws IOException {
        String bad =
                "10/01/2021 05:30:39 PM\nLogName=Security\nEventCode=4688\nComputerName=fs01\n"
                        + "Message=A new process has been created.\n\n"
                        + "Creator Subject:\n\tAccount Name:\t\tadm\u00ff\n"
                        + "Process Information:\n"
                        + "\tNew Process Name:\tC:\\Windows\\System32\\at.exe\n";
        byte[] first = bad.getBytes(StandardCharsets.ISO_8859_1);
        byte[] second = fixture("lf-only.log");
        byte[] content = new byte[first.length + second.length];
        System.arraycopy(first, 0, content, 0, first.length);
        System.arraycopy(second, 0, content, first.length, second.length);

        RecordingSink sink = read(MemoryInput.of("bad.log", content));

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).hasSize(3);
        Event at = sink.events.get(0);
        assertThat(at.text("New_Process_Name")).isEqualTo("C:\\Windows\\System32\\at.exe");
        assertThat(at.text("Account_Name")).isEqualTo("adm\ufffd");
        assertThat(sink.warnings).extracting(w -> w.reason()).containsExactly("classic.encoding");
        assertThat(sink.warnings.get(0).where().line()).isEqualTo(8);
        assertThat(sink.warnings.get(0).where().record()).isEqualTo(at.provenance().record());
        assertThat(sink.warnings.get(0).where().offset()).isEqualTo(bad.indexOf('\u00ff'));
    }

    @Test
    void hundredMegabyteLineIsRejectedWithBoundedMemory() throws IOException {
        String head = "10/01/2021 05:30:39 PM\nLogName=Security\nEventCode=1\nMessage=";
        String tail = "\n" + new String(fixture("lf-only.log"), StandardCharsets.UTF_8);
        HeapPeak heap = new HeapPeak();
        RecordingSink sink = new RecordingSink();
        reader.read(
                new GeneratedInput("huge.log", head, 'x', 100L << 20, tail),
                ReadOptions.DEFAULTS,
                sink);

        assertThat(sink.reasons()).containsExactly("limit.line-bytes");
        assertThat(sink.rejected.get(0).where().line()).isEqualTo(4);
        assertThat(sink.rejected.get(0).where().offset()).isEqualTo(head.indexOf("Message="));
        assertThat(sink.events).hasSize(2);
        heap.assertGrewLessThan(64L << 20);
    }

    @Test
    void eventOverTheRecordLimitIsRejectedAtTheLineThatPassesIt() throws IOException {
        String event =
                "10/01/2021 05:30:39 PM\nLogName=Security\nEventCode=4688\nComputerName=fs01\n"
                        + "Message=A new process has been created.\n"
                        + "\tNew Process Name:\tC:\\Windows\\System32\\at.exe\n";
        ReadOptions options =
                new ReadOptions(null, null, ReadLimits.DEFAULTS.with(ReadLimits.RECORD_BYTES, 100));
        RecordingSink sink = new RecordingSink();

        reader.read(MemoryInput.of("big.log", event), options, sink);

        assertThat(sink.reasons()).containsExactly("limit.record-bytes");
        // 22 + 16 + 14 + 17 bytes before the Message= line, which passes 100
        assertThat(sink.rejected.get(0).where().line()).isEqualTo(5);
        assertThat(sink.rejected.get(0).where().offset()).isEqualTo(event.indexOf("Message="));
        assertThat(sink.rejected.get(0).where().record()).isEqualTo(1);
    }

    @Test
    void fieldNamesReplaceEveryOtherCharacterWithUnderscores() {
        assertThat(ClassicEventParser.fieldName("New Process Name")).isEqualTo("New_Process_Name");
        assertThat(ClassicEventParser.fieldName("\tSecurity ID")).isEqualTo("Security_ID");
        assertThat(ClassicEventParser.fieldName("(Creator) Subject")).isEqualTo("Creator__Subject");
        assertThat(ClassicEventParser.fieldName("0x Logon-ID")).isEqualTo("x_Logon_ID");
    }

    @Test
    void recognizesClassicTextByContent() {
        byte[] classic = fixture("security-4688.log");
        assertThat(reader.recognizes(classic, classic.length)).isTrue();
        byte[] notClassic =
                "10/01/2021 05:30:39 PM something else\n".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.recognizes(notClassic, notClassic.length)).isFalse();
        byte[] json = "{\"EventID\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.recognizes(json, json.length)).isFalse();
    }
}
