package dev.atwatch.read.evtx;

import static dev.atwatch.read.evtx.EvtxFiles.AT;
import static dev.atwatch.read.evtx.EvtxFiles.ATEXEC;
import static dev.atwatch.read.evtx.EvtxFiles.CHUNK;
import static dev.atwatch.read.evtx.EvtxFiles.HEADER;
import static dev.atwatch.read.evtx.EvtxFiles.SCHTASKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atwatch.event.Event;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvtxReaderTest {

    @TempDir Path temp;

    @Test
    void rendersTheAtRecordAsWindowsRendersIt() throws IOException {
        CollectingSink sink = read(EvtxFiles.fixture(AT));

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).hasSize(1);
        Event event = sink.events.get(0);
        assertThat(event.raw()).isEqualTo(resource("at-interactive-4688.xml"));
        assertThat(event.text("EventCode")).isEqualTo("4688");
        assertThat(event.text("CommandLine")).isEqualTo("at  13:20 /interactive cmd");
        assertThat(event.text("NewProcessName")).isEqualTo("C:\\Windows\\System32\\at.exe");
        assertThat(event.text("SubjectLogonId")).isEqualTo("0x65b0f5db");
        assertThat(event.text("MandatoryLabel")).isEqualTo("S-1-16-12288");
        assertThat(event.text("Guid")).isEqualTo("{54849625-5478-4994-A5BA-3E3B0328C30D}");
        assertThat(event.text("SystemTime")).isEqualTo("2021-10-01T17:30:39.0839658Z");
        assertThat(event.time())
                .isEqualTo(1633109439.0839658, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(event.text("host")).isEqualTo("fs01.offsec.lan");
        assertThat(event.text("sourcetype")).isEqualTo("XmlWinEventLog:Security");
        assertThat(event.provenance().record()).isEqualTo(1);
        assertThat(event.provenance().offset()).isEqualTo(HEADER + 512);
    }

    @Test
    void recognizesTheFileSignatureOrAChunkWhereTheFirstChunkStarts() {
        EvtxReader reader = new EvtxReader();
        byte[] file = EvtxFiles.fixture(AT);
        byte[] damaged = file.clone();
        damaged[3] ^= 0x01;

        assertThat(reader.recognizes(file, 4096)).isTrue();
        assertThat(reader.recognizes(file, 7)).isFalse();
        assertThat(reader.recognizes(damaged, 4096 + 8)).isTrue();
        assertThat(reader.recognizes(damaged, 4096)).isFalse();
        assertThat(reader.recognizes(EvtxFiles.chunk(file, 0), 8)).isTrue();
        assertThat(reader.recognizes("ElfChnk".getBytes(StandardCharsets.ISO_8859_1), 7)).isFalse();
        assertThat(reader.recognizes("<Event xmlns=".getBytes(StandardCharsets.UTF_8), 13))
                .isFalse();
        assertThat(reader.name()).isEqualTo("evtx");
    }

    @Test
    void decodesChunksInParallelAndDeliversThemInFileOrderOnTheCallingThread() throws IOException {
        byte[] file = manyChunks(24);
        Path path = write(file);

        CollectingSink parallel = new CollectingSink();
        new EvtxReader(null, EvtxLimits.DEFAULTS, 4)
                .read(Inputs.file(path), ReadOptions.DEFAULTS, parallel);
        CollectingSink sequential = new CollectingSink();
        new EvtxReader(null, EvtxLimits.DEFAULTS, 1)
                .read(Inputs.file(path), ReadOptions.DEFAULTS, sequential);

        assertThat(parallel.foreignThread).isFalse();
        assertThat(parallel.events).hasSize(24 / 3 * 17);
        assertThat(keys(parallel.events)).isEqualTo(keys(sequential.events));
        List<Long> offsets = parallel.events.stream().map(e -> e.provenance().offset()).toList();
        assertThat(offsets).isSorted();
        for (int i = 0; i < parallel.events.size(); i++) {
            assertThat(parallel.events.get(i).provenance().record()).isEqualTo(i + 1);
        }
        assertThat(parallel.progress).isEqualTo(file.length);
    }

    @Test
    void readsAStreamAsItReadsTheSameFile() throws IOException {
        byte[] file = manyChunks(6);

        CollectingSink fromFile = new CollectingSink();
        new EvtxReader().read(Inputs.file(write(file)), ReadOptions.DEFAULTS, fromFile);
        CollectingSink fromStream = read(file);

        assertThat(keys(fromStream.events)).isEqualTo(keys(fromFile.events)).hasSize(34);
    }

    @Test
    void readsTheRecordsOfAChunkWhoseHeaderChecksumFailsAndWarnsWithItsOffset() throws IOException {
        byte[] file = manyChunks(3);
        file[HEADER + CHUNK + 124] ^= 0x01; // the second chunk's header checksum itself

        CollectingSink sink = read(file);

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.warnings)
                .singleElement()
                .satisfies(
                        warning -> {
                            assertThat(warning.reason()).isEqualTo(EvtxReasons.CHUNK_HEADER);
                            assertThat(warning.where().offset()).isEqualTo(HEADER + CHUNK);
                            assertThat(warning.detail())
                                    .contains("chunk header checksum")
                                    .contains("records still read");
                        });
        assertThat(sink.events).hasSize(1 + 12 + 4);
        assertThat(keys(sink.events)).isEqualTo(keys(read(manyChunks(3)).events));
    }

    @Test
    void readsTheRecordsInSequenceWhenTheFreeSpaceOffsetIsImpossible() throws IOException {
        byte[] file = EvtxFiles.fixture(ATEXEC);
        EvtxFiles.putU32(file, HEADER + 48, 0x7fff_0000L);
        EvtxFiles.repairChunk(file, HEADER);

        CollectingSink sink = read(file);

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.warnings)
                .extracting(Warning::reason)
                .containsExactly(EvtxReasons.CHUNK_HEADER);
        assertThat(sink.warnings.get(0).detail()).contains("free space offset 2147418112");
        assertThat(sink.events).hasSize(12);
    }

    @Test
    void readsTheChunksOfAFileWithoutItsHeaderWhenItStartsWithAChunk() throws IOException {
        byte[] chunk = EvtxFiles.chunk(EvtxFiles.fixture(ATEXEC), 0);

        CollectingSink sink = read(chunk);

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.warnings)
                .singleElement()
                .satisfies(
                        warning -> {
                            assertThat(warning.reason()).isEqualTo(EvtxReasons.FILE_HEADER);
                            assertThat(warning.detail()).contains("starts with a chunk");
                        });
        assertThat(sink.events).hasSize(12);
        assertThat(sink.events.get(0).provenance().offset()).isEqualTo(512);
        assertThat(sink.progress).isEqualTo(chunk.length);
    }

    @Test
    void reportsAnInputCutAtAChunkBoundaryBeforeTheChunksItsHeaderAnnounces() throws IOException {
        byte[] file = EvtxFiles.assemble(chunks(2), 26);

        CollectingSink sink = read(file);

        assertThat(sink.events).hasSize(1 + 12);
        assertThat(sink.rejected)
                .singleElement()
                .satisfies(
                        rejected -> {
                            assertThat(rejected.reason()).isEqualTo(EvtxReasons.TRUNCATED);
                            assertThat(rejected.where().offset()).isEqualTo(file.length);
                            assertThat(rejected.detail())
                                    .contains("announces 26 chunks, the input holds 2");
                        });
    }

    @Test
    void reportsACutInsideTheFileHeader() throws IOException {
        CollectingSink sink = read(Arrays.copyOf(EvtxFiles.fixture(AT), 4000));

        assertThat(sink.events).isEmpty();
        assertThat(sink.rejected)
                .extracting(Rejected::reason)
                .containsExactly(EvtxReasons.TRUNCATED);
        assertThat(sink.progress).isEqualTo(4000);
    }

    @Test
    void readsChunksBeyondTheCountTheHeaderAnnounces() throws IOException {
        byte[] file = EvtxFiles.assemble(chunks(3), 1);

        assertThat(read(file).events).hasSize(1 + 12 + 4);
    }

    @Test
    void reportsAnInputCutInsideAChunkAndKeepsTheRecordsBeforeTheCut() throws IOException {
        byte[] whole = EvtxFiles.fixture(ATEXEC);
        int[] records = EvtxFiles.recordOffsets(whole, HEADER);
        byte[] cut = Arrays.copyOf(whole, HEADER + records[5] + 10);

        CollectingSink sink = read(cut);

        assertThat(sink.events).hasSize(5);
        assertThat(sink.rejected).extracting(Rejected::reason).contains(EvtxReasons.TRUNCATED);
    }

    @Test
    void reportsInFileOrder() throws IOException {
        byte[] whole = EvtxFiles.fixture(ATEXEC);
        int[] records = EvtxFiles.recordOffsets(whole, HEADER);
        byte[] cut = Arrays.copyOf(whole, HEADER + records[5] + 10);
        cut[HEADER + records[3]] = 0x2b; // the fourth record loses its signature

        CollectingSink sink = read(cut);

        assertThat(sink.rejected)
                .extracting(Rejected::reason)
                .containsExactly(EvtxReasons.RECORD_HEADER, EvtxReasons.TRUNCATED);
        assertThat(sink.rejected)
                .extracting(r -> r.where().offset())
                .containsExactly((long) HEADER + records[3], (long) cut.length);
    }

    @Test
    void readsUnflushedRecordsPastTheFreeSpaceOffsetOfADirtyChunk() throws IOException {
        byte[] file = EvtxFiles.fixture(ATEXEC);
        int[] records = EvtxFiles.recordOffsets(file, HEADER);
        EvtxFiles.putU32(file, HEADER + 48, records[8]);
        EvtxFiles.repairChunk(file, HEADER);

        CollectingSink sink = read(file);

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.events).hasSize(12);
    }

    @Test
    void keepsTheRecordsOfAChunkWhoseRecordChecksumFailsAndWarnsAboutTheChunk() throws IOException {
        byte[] file = EvtxFiles.fixture(AT);
        int at = indexOf(file, utf16("admmig"));
        file[at] = 'A';

        CollectingSink sink = read(file);

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.warnings)
                .singleElement()
                .satisfies(
                        warning -> {
                            assertThat(warning.reason()).isEqualTo(EvtxReasons.RECORDS_CHECKSUM);
                            assertThat(warning.where().offset()).isEqualTo(HEADER);
                            assertThat(warning.where().record()).isZero();
                        });
        assertThat(sink.events)
                .singleElement()
                .satisfies(e -> assertThat(e.text("SubjectUserName")).isEqualTo("Admmig"));
    }

    @Test
    void rejectsOnlyTheRecordsThatDoNotDecodeWhenTheRecordsChecksumFails() throws IOException {
        byte[] file = EvtxFiles.fixture(ATEXEC);
        int[] records = EvtxFiles.recordOffsets(file, HEADER);
        file[HEADER + records[4] + 24 + 4] = (byte) 0x7f; // checksum left as it was

        CollectingSink sink = read(file);

        assertThat(sink.warnings)
                .extracting(Warning::reason)
                .containsExactly(EvtxReasons.RECORDS_CHECKSUM);
        assertThat(sink.rejected)
                .singleElement()
                .satisfies(r -> assertThat(r.where().record()).isEqualTo(5));
        assertThat(sink.events).hasSize(11);
    }

    @Test
    void skipsARecordWhoseSizeCopyIsWrongAndReadsItsNeighbours() throws IOException {
        byte[] file = EvtxFiles.fixture(ATEXEC);
        int[] records = EvtxFiles.recordOffsets(file, HEADER);
        int third = HEADER + records[2];
        int size = (int) EvtxFiles.u32(file, third + 4);
        EvtxFiles.putU32(file, third + size - 4, size + 8);
        EvtxFiles.repairChunk(file, HEADER);

        CollectingSink sink = read(file);

        assertThat(sink.events).hasSize(11);
        assertThat(sink.rejected)
                .singleElement()
                .satisfies(
                        rejected -> {
                            assertThat(rejected.reason()).isEqualTo(EvtxReasons.RECORD_HEADER);
                            assertThat(rejected.where().offset()).isEqualTo(third);
                        });
    }

    @Test
    void keepsARecordWhoseSizeFieldAloneIsDamaged() throws IOException {
        byte[] file = EvtxFiles.fixture(ATEXEC);
        int[] records = EvtxFiles.recordOffsets(file, HEADER);
        int third = HEADER + records[2];
        file[third + 5] ^= 0x40; // the size copy at the record's end still holds the size

        CollectingSink sink = read(file);

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.warnings)
                .extracting(Warning::reason)
                .containsExactly(EvtxReasons.RECORDS_CHECKSUM);
        assertThat(keys(sink.events)).isEqualTo(keys(read(EvtxFiles.fixture(ATEXEC)).events));
    }

    @Test
    void rejectsARecordWithBrokenBinaryXmlUnderItsRecordNumber() throws IOException {
        byte[] file = EvtxFiles.fixture(ATEXEC);
        int[] records = EvtxFiles.recordOffsets(file, HEADER);
        int second = HEADER + records[1];
        file[second + 24 + 4] = (byte) 0x7f; // the template instance token
        EvtxFiles.repairChunk(file, HEADER);

        CollectingSink sink = read(file);

        assertThat(sink.events).hasSize(11);
        assertThat(sink.rejected)
                .singleElement()
                .satisfies(
                        rejected -> {
                            assertThat(rejected.reason()).isEqualTo(EvtxReasons.BINXML);
                            assertThat(rejected.where().record()).isEqualTo(2);
                            assertThat(rejected.where().offset()).isEqualTo(second);
                            assertThat(rejected.detail())
                                    .startsWith("record identifier ")
                                    .contains("unexpected byte 0x7f");
                        });
        assertThat(sink.events.get(1).provenance().record()).isEqualTo(3);
    }

    @Test
    void rejectsRecordsThatExceedANamedLimitAndSaysHowToRaiseIt() throws IOException {
        ReadOptions shallow =
                new ReadOptions(null, null, ReadLimits.DEFAULTS.with(ReadLimits.NESTING, 2));
        ReadOptions shortValues =
                new ReadOptions(null, null, ReadLimits.DEFAULTS.with(ReadLimits.VALUE_CHARS, 5));

        CollectingSink nesting = read(EvtxFiles.fixture(AT), shallow, EvtxLimits.DEFAULTS);
        CollectingSink values = read(EvtxFiles.fixture(AT), shortValues, EvtxLimits.DEFAULTS);
        CollectingSink substitutions =
                read(
                        EvtxFiles.fixture(AT),
                        ReadOptions.DEFAULTS,
                        EvtxLimits.DEFAULTS.with(EvtxLimits.SUBSTITUTIONS, 10));

        assertThat(nesting.rejected)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.reason()).isEqualTo("limit.nesting");
                            assertThat(r.detail()).contains("--limit nesting=N");
                        });
        assertThat(values.rejected)
                .extracting(Rejected::reason)
                .containsExactly("limit.value-chars");
        assertThat(substitutions.rejected)
                .extracting(Rejected::reason)
                .containsExactly("limit.evtx-substitutions");
    }

    @Test
    void warnsAboutADamagedFileHeaderAndStillReadsTheChunks() throws IOException {
        byte[] file = EvtxFiles.fixture(AT);
        file[0] = 'X';

        CollectingSink sink = read(file);

        assertThat(new EvtxReader().recognizes(file, file.length)).isTrue();
        assertThat(sink.rejected).isEmpty();
        assertThat(sink.warnings)
                .extracting(Warning::reason)
                .containsExactly(EvtxReasons.FILE_HEADER);
        assertThat(sink.events).hasSize(1);
    }

    @Test
    void boundsAFieldValueAssembledFromManyPiecesAndNamesTheLimit() throws IOException {
        byte[] file = CraftedFiles.amplifying(60, 1000, 2);
        ReadOptions options =
                new ReadOptions(
                        null, null, ReadLimits.DEFAULTS.with(ReadLimits.VALUE_CHARS, 100_000));

        CollectingSink sink = read(file, options, EvtxLimits.DEFAULTS);

        assertThat(sink.events).isEmpty();
        assertThat(sink.rejected).hasSizeGreaterThan(2);
        for (Rejected rejected : sink.rejected) {
            assertThat(rejected.reason()).isEqualTo("limit.value-chars");
            assertThat(rejected.where().record()).isPositive();
            assertThat(rejected.where().offset()).isGreaterThan(HEADER);
            assertThat(rejected.detail()).contains("--limit value-chars=N");
        }
    }

    @Test
    void boundsTheXmlOfARecordAndWhatAChunkRendersEvenWhenEachValueFits() throws IOException {
        byte[] file = CraftedFiles.amplifying(300, 1000, 1);
        ReadLimits wide = ReadLimits.DEFAULTS.with(ReadLimits.VALUE_CHARS, 1 << 30);
        ReadOptions small =
                new ReadOptions(null, null, wide.with(ReadLimits.RECORD_BYTES, 500_000));
        EvtxLimits chunk = EvtxLimits.DEFAULTS.with(EvtxLimits.CHUNK_RENDER, 3_000_000);

        CollectingSink perRecord = read(file, small, EvtxLimits.DEFAULTS);
        CollectingSink perChunk = read(file, new ReadOptions(null, null, wide), chunk);

        assertThat(perRecord.events).isEmpty();
        assertThat(perRecord.rejected)
                .extracting(Rejected::reason)
                .containsOnly("limit.record-bytes");
        assertThat(perChunk.events).hasSize(2);
        assertThat(perChunk.rejected)
                .hasSizeGreaterThan(2)
                .extracting(Rejected::reason)
                .containsOnly("limit.evtx-chunk-render");
        assertThat(perChunk.rejected.get(0).detail()).contains("--limit evtx-chunk-render=N");
    }

    @Test
    void holdsTheValuesOfARepeatedDataNameToTheValuesPerFieldLimit() throws IOException {
        BinXmlBuilder record = new BinXmlBuilder(512 + 24);
        record.fragmentHeader();
        record.inlineTemplate(
                t -> {
                    t.fragmentHeader().open("Event", false, true).closeStart();
                    t.open("EventData", false, true).closeStart();
                    for (int i = 0; i < 5; i++) {
                        t.open("Data", true, true).attribute("Name").text("X").closeStart();
                        t.text("v" + i).end();
                    }
                    t.end().end().eof();
                });
        byte[] file =
                EvtxFiles.assemble(List.of(BinXmlBuilder.chunk(record.values().eof().bytes())), 1);
        ReadLimits three = ReadLimits.DEFAULTS.with(ReadLimits.VALUES_PER_FIELD, 3);

        CollectingSink sink = read(file);
        CollectingSink limited =
                read(file, new ReadOptions(null, null, three), EvtxLimits.DEFAULTS);

        assertThat(sink.events.get(0).get("X").strings()).hasSize(5);
        assertThat(limited.events).isEmpty();
        assertThat(limited.rejected)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.reason()).isEqualTo("limit.values-per-field");
                            assertThat(r.detail()).contains("4 > 3").contains("for field X");
                        });
    }

    @Test
    void limitsTemplateDepthAlsoThroughTemplatesDecodedForEarlierRecords() throws IOException {
        CollectingSink sink = read(CraftedFiles.templateChain(20));
        CollectingSink shallow =
                read(
                        CraftedFiles.templateChain(20),
                        ReadOptions.DEFAULTS,
                        EvtxLimits.DEFAULTS.with(EvtxLimits.TEMPLATE_DEPTH, 3));

        assertThat(sink.events).hasSize(16);
        assertThat(sink.events).allSatisfy(e -> assertThat(e.text("Data")).isEqualTo("deep"));
        assertThat(sink.rejected)
                .hasSize(4)
                .extracting(Rejected::reason)
                .containsOnly("limit.evtx-template-depth");
        assertThat(sink.rejected.get(0).detail()).contains("17 > 16");
        assertThat(shallow.events).hasSize(3);
        assertThat(shallow.rejected).hasSize(17);
    }

    static CollectingSink read(byte[] file) throws IOException {
        return read(file, ReadOptions.DEFAULTS, EvtxLimits.DEFAULTS);
    }

    static CollectingSink read(byte[] file, ReadOptions options, EvtxLimits limits)
            throws IOException {
        CollectingSink sink = new CollectingSink();
        new EvtxReader(null, limits, 2).read(Inputs.stream("test.evtx", file), options, sink);
        return sink;
    }

    /** A file of {@code count} chunks, cycling through the three fixtures (1, 12, 4 records). */
    static byte[] manyChunks(int count) {
        return EvtxFiles.assemble(chunks(count), count);
    }

    private static List<byte[]> chunks(int count) {
        String[] names = {AT, ATEXEC, SCHTASKS};
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chunks.add(EvtxFiles.chunk(EvtxFiles.fixture(names[i % 3]), 0));
        }
        return chunks;
    }

    private static List<String> keys(List<Event> events) {
        return events.stream()
                .map(
                        e ->
                                e.provenance().record()
                                        + "@"
                                        + e.provenance().offset()
                                        + ":"
                                        + e.text("EventRecordID")
                                        + ":"
                                        + e.raw().hashCode())
                .toList();
    }

    private Path write(byte[] file) throws IOException {
        Path path = temp.resolve("input.evtx");
        Files.write(path, file);
        return path;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EvtxReaderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
