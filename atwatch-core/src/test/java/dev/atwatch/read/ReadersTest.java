package dev.atwatch.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadersTest {

    private static final String XML =
            "<Event><System><EventID>4688</EventID><TimeCreated SystemTime='2021-01-01T00:00:01Z'/>"
                    + "<Channel>Security</Channel><Computer>a</Computer></System></Event>\n";
    private static final String JSON =
            "{\"EventID\":4688,\"Channel\":\"Security\",\"Hostname\":\"a\","
                    + "\"@timestamp\":\"2021-01-01T00:00:01Z\"}\n";
    private static final String CLASSIC =
            "01/01/2021 12:00:01 AM\nLogName=Security\nEventCode=4688\nComputerName=a\n"
                    + "Message=A new process has been created.\n";

    @TempDir Path dir;

    private final Readers readers = Readers.standard();

    private Input file(String name, byte[] content) throws Exception {
        Path path = dir.resolve(name);
        Files.write(path, content);
        return Inputs.file(path);
    }

    private String sniffed(String name, String content) throws Exception {
        Readers.Sniff sniff = readers.sniff(file(name, content.getBytes(StandardCharsets.UTF_8)));
        return sniff.reader().map(EventReader::name).orElse(sniff.getClass().getSimpleName());
    }

    @Test
    void eachFormatIsRecognisedByContentWhateverItsName() throws Exception {
        assertThat(sniffed("events.json", XML)).isEqualTo("winxml");
        assertThat(sniffed("events.xml", JSON)).isEqualTo("json");
        assertThat(sniffed("events.evtx", CLASSIC)).isEqualTo("winclassic");
        assertThat(sniffed("noext", "  \n" + XML)).isEqualTo("winxml");
    }

    @Test
    void sharedDataSetFilesAreSniffedByContentAndEvtxIsNoWindowsTextFormat() throws Exception {
        Readers text = new Readers(Readers.windows());
        Path derived = SharedData.dataset("evtx-to-mitre-attack/derived-xml");
        Path sigma =
                SharedData.dataset(
                        "sigma-regression-data/rules/windows/process_creation/"
                                + "proc_creation_win_wmic_process_creation");
        Path evtx = SharedData.dataset("evtx-rs-samples/samples/security.evtx");

        List<Input> inputs =
                Inputs.expand(List.of(derived.toString(), sigma.toString(), evtx.toString()));
        List<String> formats = new java.util.ArrayList<>();
        for (Input input : inputs) {
            Readers.Sniff sniff = text.sniff(input);
            formats.add(sniff.reader().map(EventReader::name).orElse("unknown"));
        }

        assertThat(inputs).hasSize(5);
        assertThat(formats).containsExactly("winxml", "winxml", "unknown", "json", "unknown");
    }

    @Test
    void gzipContentIsSniffedAfterDecompression() throws Exception {
        Input input = file("events.txt", InputsTest.gzip(JSON));

        Readers.Sniff sniff = readers.sniff(input);

        assertThat(sniff.reader()).map(EventReader::name).contains("json");
        RecordingSink sink = new RecordingSink();
        readers.read(input, ReadOptions.DEFAULTS, sink);
        assertThat(sink.events).hasSize(1);
    }

    @Test
    void utf16TextWithAByteOrderMarkIsReadAsUtf8() throws Exception {
        byte[] bom = {(byte) 0xff, (byte) 0xfe};
        byte[] body =
                (XML.replace("<Computer>a", "<Computer>caf\u00e9-\ud83d\ude00"))
                        .getBytes(StandardCharsets.UTF_16LE);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, 2);
        System.arraycopy(body, 0, content, 2, body.length);
        RecordingSink sink = new RecordingSink();

        Readers.Sniff sniff =
                readers.read(file("powershell.xml", content), ReadOptions.DEFAULTS, sink);

        assertThat(sniff.reader()).map(EventReader::name).contains("winxml");
        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events)
                .extracting(e -> e.text("host"))
                .containsExactly("caf\u00e9-\ud83d\ude00");
    }

    @Test
    void utf16BigEndianJsonIsReadToo() throws Exception {
        byte[] body = ("\ufeff" + JSON).getBytes(StandardCharsets.UTF_16BE);
        RecordingSink sink = new RecordingSink();

        readers.read(file("export.json", body), ReadOptions.DEFAULTS, sink);

        assertThat(sink.events).extracting(e -> e.text("EventCode")).containsExactly("4688");
    }

    @Test
    void emptyAndUnknownInputsAreToldApartAndPassNothingToTheSink() throws Exception {
        RecordingSink sink = new RecordingSink();

        Readers.Sniff empty =
                readers.read(file("empty.log", new byte[0]), ReadOptions.DEFAULTS, sink);
        Readers.Sniff unknown =
                readers.read(
                        file(
                                "notes.txt",
                                "Meeting notes: nothing here is a log.\n"
                                        .getBytes(StandardCharsets.UTF_8)),
                        ReadOptions.DEFAULTS,
                        sink);

        assertThat(empty).isInstanceOf(Readers.Sniff.Empty.class);
        assertThat(unknown).isInstanceOf(Readers.Sniff.Unknown.class);
        assertThat(empty.reader()).isEmpty();
        assertThat(sink.events).isEmpty();
        assertThat(sink.rejected).isEmpty();
    }

    @Test
    void standardInputIsSniffedThenReadWholeFromItsStart() throws Exception {
        String twoEvents = XML + XML.replace("4688", "4689");
        Input stdin = Inputs.standardInput(new ByteArrayInputStream(InputsTest.gzip(twoEvents)));
        RecordingSink sink = new RecordingSink();

        Readers.Sniff sniff = readers.read(stdin, ReadOptions.DEFAULTS, sink);

        assertThat(sniff.reader()).map(EventReader::name).contains("winxml");
        assertThat(sink.events)
                .extracting(e -> e.text("EventCode"))
                .containsExactly("4688", "4689");
        assertThat(sink.events.get(0).provenance().input()).isEqualTo("-");
    }

    @ParameterizedTest
    @CsvSource({"winxml,xml", "json,json", "winclassic,classic"})
    void oneLineOfGarbageBeforeAnyWindowsFormatIsRejectedAsOneRangeAndTheRestRead(
            String reader, String prefix) throws Exception {
        String content =
                switch (reader) {
                    case "winxml" -> XML;
                    case "json" -> JSON;
                    default -> CLASSIC;
                };
        String garbage = "Windows PowerShell transcript start\n";
        RecordingSink sink = new RecordingSink();

        Readers.Sniff sniff =
                readers.read(
                        file("lead.txt", (garbage + content).getBytes(StandardCharsets.UTF_8)),
                        ReadOptions.DEFAULTS,
                        sink);

        assertThat(sniff.reader()).map(EventReader::name).contains(reader);
        assertThat(sink.reasons()).containsExactly(prefix + ".leading-bytes");
        Rejected leading = sink.rejected.get(0);
        assertThat(leading.where().offset()).isZero();
        assertThat(leading.where().line()).isEqualTo(1);
        assertThat(leading.detail())
                .isEqualTo(
                        garbage.length()
                                + " bytes before the first event, from: '"
                                + garbage.strip()
                                + "'");
        assertThat(sink.events).extracting(e -> e.text("EventCode")).containsExactly("4688");
        assertThat(sink.events.get(0).provenance().line()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({
        "sysmon-at-cmd.xml,winxml",
        "security-4688-at-cmd.xml,winxml",
        "json-nxlog-at-cmd.json,json",
        "json-winlogbeat-at-cmd.json,json",
        "splunk-export-at-cmd.json,json",
        "security-4688-classic.log,winclassic"
    })
    void exampleCutInsideARecordLikeTailIsReadAfterOneLeadingRange(String example, String reader)
            throws Exception {
        byte[] whole = Files.readAllBytes(Path.of("..", "examples", "windows", example));
        RecordingSink all = new RecordingSink();
        readers.read(file("whole", whole), ReadOptions.DEFAULTS, all);
        int cut = whole.length / 2;
        while (whole[cut - 1] == '\n') {
            cut++;
        }
        byte[] tail = java.util.Arrays.copyOfRange(whole, cut, whole.length);
        RecordingSink sink = new RecordingSink();

        Readers.Sniff sniff = readers.read(file("tail", tail), ReadOptions.DEFAULTS, sink);

        assertThat(sniff.reader()).map(EventReader::name).contains(reader);
        assertThat(sink.rejected).hasSize(1);
        assertThat(sink.rejected.get(0).reason()).endsWith(".leading-bytes");
        assertThat(sink.rejected.get(0).where().offset())
                .isEqualTo(
                        new String(tail, StandardCharsets.UTF_8)
                                .indexOf(new String(tail, StandardCharsets.UTF_8).strip()));
        int start = cut;
        long after = all.events.stream().filter(e -> e.provenance().offset() >= start).count();
        assertThat((long) sink.events.size()).isEqualTo(after).isPositive();
    }

    @Test
    void readersAreTriedInTheOrderGiven() throws Exception {
        EventReader everything =
                new EventReader() {
                    @Override
                    public String name() {
                        return "everything";
                    }

                    @Override
                    public boolean recognizes(byte[] head, int length) {
                        return true;
                    }

                    @Override
                    public void read(Input input, ReadOptions options, RecordSink sink) {}
                };
        Readers first =
                new Readers(List.of(everything, new dev.atwatch.read.winxml.WinXmlReader()));

        assertThat(first.sniff(file("a.xml", XML.getBytes(StandardCharsets.UTF_8))).reader())
                .map(EventReader::name)
                .contains("everything");
        assertThat(first.readers()).hasSize(2);
    }
}
