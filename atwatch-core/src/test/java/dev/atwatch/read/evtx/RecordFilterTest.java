package dev.atwatch.read.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.read.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordFilterTest {

    /** Fields the reader derives rather than reads; a filter literal must not come from them. */
    private static final Set<String> DERIVED =
            Set.of(Event.TIME, Event.RAW, Event.SOURCE, Event.SOURCETYPE, Event.INDEX);

    @Test
    void literalFilterKeepsEveryRecordHoldingTheLiteralAndSkipsTheRest() throws IOException {
        byte[] file = EvtxReaderTest.manyChunks(3);
        EvtxReader reader = new EvtxReader(Utf16Literals.of(List.of("AT.EXE")));

        CollectingSink all = EvtxReaderTest.read(file);
        CollectingSink kept = new CollectingSink();
        EvtxSummary summary =
                reader.scan(Inputs.stream("three.evtx", file), ReadOptions.DEFAULTS, kept);

        List<Event> holding = all.events.stream().filter(e -> holds(e, "at.exe")).toList();
        assertThat(holding).hasSize(1);
        assertThat(kept.events)
                .extracting(e -> e.provenance().record())
                .contains(holding.get(0).provenance().record());
        assertThat(summary.filtered()).isEqualTo(all.events.size() - kept.events.size());
        assertThat(summary.filtered()).isGreaterThanOrEqualTo(15);
        assertThat(reader.filteredRecords()).isEqualTo(summary.filtered());
    }

    @Test
    void filterThatRejectsEverythingSkipsEveryRecordItCanSeeWhole() throws IOException {
        byte[] file = EvtxReaderTest.manyChunks(3);
        CollectingSink sink = new CollectingSink();

        EvtxSummary summary =
                new EvtxReader((bytes, offset, length) -> false)
                        .scan(Inputs.stream("three.evtx", file), ReadOptions.DEFAULTS, sink);

        assertThat(sink.events).isEmpty();
        assertThat(summary.filtered()).isEqualTo(17);
    }

    /**
     * Soundness: for substrings of every value of every record (System, EventData, UserData, as
     * rendered: strings, numbers, hex, SIDs, GUIDs, times), a filter for that substring passes the
     * record. Runs on the fixtures and, when present, on chunks of the shared samples whose event
     * data is nested binary XML.
     */
    @Test
    void filterForAnySubstringOfAValuePassesTheRecord() throws IOException {
        Random random = new Random(20211001);
        int checked = 0;
        for (byte[] file : soundnessInputs()) {
            byte[] chunk = EvtxFiles.chunk(file, 0);
            BinXmlParser parser = new BinXmlParser(chunk, chunk.length, EvtxLimits.DEFAULTS, 64);
            for (Event event : EvtxReaderTest.read(file).events) {
                int at = (int) event.provenance().offset() - EvtxFiles.HEADER;
                int size = (int) EvtxFiles.u32(chunk, at + 4);
                for (String value : values(event)) {
                    for (int i = 0; i < 3; i++) {
                        String literal = substring(value, random);
                        RecordFilter filter = Utf16Literals.of(List.of(literal));
                        assertThat(new RecordPrefilter(filter, parser).mayMatch(at, size))
                                .as(
                                        "record %s, literal '%s' of '%s'",
                                        event.text("EventRecordID"), literal, value)
                                .isTrue();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1500);
    }

    private static List<byte[]> soundnessInputs() throws IOException {
        List<byte[]> inputs = new ArrayList<>();
        for (String name : List.of(EvtxFiles.AT, EvtxFiles.ATEXEC, EvtxFiles.SCHTASKS)) {
            inputs.add(EvtxFiles.fixture(name));
        }
        String shared = System.getProperty("atwatch.shared");
        Path samples = shared == null ? null : Path.of(shared, "datasets/evtx-rs-samples/samples");
        if (samples != null && Files.isDirectory(samples)) {
            byte[] security = Files.readAllBytes(samples.resolve("security.evtx"));
            byte[] sysmon = Files.readAllBytes(samples.resolve("sysmon.evtx"));
            inputs.add(EvtxFiles.assemble(List.of(EvtxFiles.chunk(security, 0)), 1));
            inputs.add(EvtxFiles.assemble(List.of(EvtxFiles.chunk(security, 20)), 1));
            inputs.add(EvtxFiles.assemble(List.of(EvtxFiles.chunk(sysmon, 0)), 1));
        }
        return inputs;
    }

    private static List<String> values(Event event) {
        List<String> values = new ArrayList<>();
        for (String name : event.names()) {
            if (!DERIVED.contains(name)) {
                FieldValue value = event.get(name);
                values.addAll(value.strings());
            }
        }
        return values;
    }

    private static String substring(String value, Random random) {
        int start = random.nextInt(value.length());
        int end = start + 1 + random.nextInt(Math.min(12, value.length() - start));
        return value.substring(start, end);
    }

    private static boolean holds(Event event, String literal) {
        return values(event).stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(literal));
    }
}
