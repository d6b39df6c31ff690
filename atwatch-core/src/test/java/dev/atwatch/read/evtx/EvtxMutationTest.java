package dev.atwatch.read.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hostile inputs: the bytes of whole files, file header included, flipped, overwritten, zeroed,
 * truncated, spliced, cut out and inserted, thousands of times under many fixed seeds; and small
 * crafted files that cost much to render. For every input the reader must not throw out of its API,
 * must finish within a timeout of its own, must keep every event's fields within the limits, must
 * account for every byte it reads and for every record it finds (each is an event, a rejection or
 * filtered), must report in file order, and must deliver every chunk the mutation did not touch
 * exactly as before.
 */
class EvtxMutationTest {

    /** Raise with {@code -Devtx.mutation.scale=N} for a longer campaign. */
    private static final int SCALE = Integer.getInteger("evtx.mutation.scale", 1);

    private static final int SEEDS = 48;
    private static final int MUTATIONS_PER_SEED = 100 * SCALE;
    private static final Duration PER_INPUT = Duration.ofSeconds(10);
    private static final int CHUNKS = 3;

    /** Everything in an event but its EventData and UserData items, at most. */
    private static final int FIELDS_BESIDE_ITEMS = 7;

    private static final ReadLimits LIMITS = ReadLimits.DEFAULTS;

    @Test
    void mutatedFilesNeverStopTheReaderNorDisturbTheUntouchedChunks() {
        byte[] original = EvtxReaderTest.manyChunks(CHUNKS);
        campaign(original, 1, SEEDS);
    }

    /** The shared samples hold event data as nested binary XML, which the fixtures do not. */
    @Test
    void mutatedSharedSamplesNeverStopTheReader() throws IOException {
        String shared = System.getProperty("atwatch.shared");
        Path samples = shared == null ? null : Path.of(shared, "datasets/evtx-rs-samples/samples");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                samples != null && Files.isDirectory(samples), "shared EVTX samples absent");
        byte[] security = Files.readAllBytes(samples.resolve("security.evtx"));
        byte[] sysmon = Files.readAllBytes(samples.resolve("sysmon.evtx"));
        byte[] original =
                EvtxFiles.assemble(
                        List.of(
                                EvtxFiles.chunk(security, 3),
                                EvtxFiles.chunk(sysmon, 2),
                                EvtxFiles.chunk(security, 25)),
                        CHUNKS);
        campaign(original, 1_000, SEEDS / 4);
    }

    @Test
    void regressionInputsAreReadWithinTheLimits() throws IOException {
        try (Stream<Path> files = Files.list(regressions())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".evtx")).toList()) {
                checked(Files.readAllBytes(file), false);
            }
        }
    }

    /** The crafted files of two past failures, built small in the test. */
    @Test
    void craftedCostlyFilesAreRejectedWithinTheLimits() {
        Checked amplified = checked(CraftedFiles.amplifying(600, 1000, 1), false);
        Checked chain = checked(CraftedFiles.templateChain(700), false);

        assertThat(amplified.sink.events).isEmpty();
        assertThat(amplified.sink.rejected)
                .extracting(Rejected::reason)
                .containsOnly("limit.value-chars", "limit.evtx-chunk-render");
        assertThat(chain.sink.events).hasSize(EvtxLimits.DEFAULTS.maxTemplateDepth());
        assertThat(chain.sink.rejected)
                .hasSize(700 - EvtxLimits.DEFAULTS.maxTemplateDepth())
                .extracting(Rejected::reason)
                .containsOnly("limit.evtx-template-depth");
    }

    private static void campaign(byte[] original, long firstSeed, int seeds) {
        List<List<String>> intact = perChunk(checked(original, false).sink.events);
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            Random random = new Random(seed);
            for (int i = 0; i < MUTATIONS_PER_SEED; i++) {
                Mutation mutation = Mutation.random(original, random);
                Checked read = checked(mutation.bytes, i % 4 == 3);
                List<List<String>> now = perChunk(read.sink.events);
                for (int chunk = 0; chunk < CHUNKS; chunk++) {
                    if (!read.filtered && mutation.leaves(chunk)) {
                        assertThat(now.get(chunk))
                                .as("seed %d mutation %d (%s): chunk %d", seed, i, mutation, chunk)
                                .isEqualTo(intact.get(chunk));
                    }
                }
            }
        }
    }

    /** One input as read, and whether a filter rejecting what it can was applied. */
    private record Checked(CollectingSink sink, EvtxSummary summary, boolean filtered) {}

    /** Reads {@code bytes} under a timeout and checks everything; keeps an input that fails. */
    private static Checked checked(byte[] bytes, boolean filtered) {
        try {
            return assertTimeoutPreemptively(PER_INPUT, () -> check(bytes, filtered));
        } catch (RuntimeException | AssertionError e) {
            keep(bytes);
            throw e;
        }
    }

    private static Checked check(byte[] bytes, boolean filtered) throws IOException {
        CollectingSink sink = new CollectingSink();
        RecordFilter filter = filtered ? (b, offset, length) -> false : null;
        EvtxSummary summary =
                new EvtxReader(filter, EvtxLimits.DEFAULTS, 2)
                        .scan(
                                Inputs.stream("mutated.evtx", bytes),
                                new ReadOptions(null, null, LIMITS),
                                sink);
        checkAccounting(bytes, sink, summary);
        checkReports(bytes, sink);
        sink.events.forEach(EvtxMutationTest::checkLimits);
        return new Checked(sink, summary, filtered);
    }

    /** Every byte read, every record found: each an event, a rejection or filtered. */
    private static void checkAccounting(byte[] bytes, CollectingSink sink, EvtxSummary summary) {
        assertThat(summary.bytes()).isEqualTo(bytes.length);
        assertThat(sink.progress).isEqualTo(bytes.length);
        assertThat(summary.events()).isEqualTo(sink.events.size());
        assertThat(summary.rejected()).isEqualTo(sink.rejected.size());
        assertThat(summary.warnings()).isEqualTo(sink.warnings.size());
        long recordRejections = sink.rejected.stream().filter(r -> r.where().record() > 0).count();
        assertThat(summary.events() + summary.filtered() + recordRejections)
                .as("records found")
                .isEqualTo(summary.records());
        List<Long> numbers = new ArrayList<>();
        sink.events.forEach(e -> numbers.add(e.provenance().record()));
        sink.rejected.stream()
                .filter(r -> r.where().record() > 0)
                .forEach(r -> numbers.add(r.where().record()));
        numbers.sort(null);
        assertThat(numbers).as("record numbers").doesNotHaveDuplicates();
        if (summary.filtered() == 0) {
            for (int i = 0; i < numbers.size(); i++) {
                assertThat(numbers.get(i)).as("record numbers").isEqualTo(i + 1);
            }
        } else if (!numbers.isEmpty()) {
            assertThat(numbers.get(numbers.size() - 1)).isLessThanOrEqualTo(summary.records());
        }
    }

    /** Reports say what and where, within the input, and everything comes in file order. */
    private static void checkReports(byte[] bytes, CollectingSink sink) {
        for (Rejected rejected : sink.rejected) {
            assertThat(rejected.reason()).isNotBlank();
            assertThat(rejected.detail()).isNotBlank();
            assertThat(rejected.where().offset()).isBetween(0L, (long) bytes.length);
        }
        for (Warning warning : sink.warnings) {
            assertThat(warning.reason()).isNotBlank();
            assertThat(warning.detail()).isNotBlank();
            assertThat(warning.where().offset()).isBetween(0L, (long) bytes.length);
        }
        assertThat(sink.offsets).as("delivery in file order").isSorted();
    }

    /** No event exceeds a limit: the XML, each value, the values of a field, the fields. */
    private static void checkLimits(Event event) {
        assertThat(event.raw()).isNotEmpty();
        assertThat(event.raw().length()).isLessThanOrEqualTo(LIMITS.maxRecordBytes());
        int fields = 0;
        for (String name : event.names()) {
            fields++;
            FieldValue value = event.get(name);
            assertThat(value.strings().size())
                    .as("values of %s", name)
                    .isLessThanOrEqualTo(LIMITS.maxValuesPerField() + 1);
            if (!name.equals(Event.RAW)) {
                for (String text : value.strings()) {
                    assertThat(text.length()).as(name).isLessThanOrEqualTo(LIMITS.maxValueChars());
                }
            }
        }
        assertThat(fields).isLessThanOrEqualTo(LIMITS.maxFieldsPerEvent() + FIELDS_BESIDE_ITEMS);
    }

    /**
     * One kind of damage anywhere in a file, and the byte ranges it changed (for a cut or an
     * insertion: everything from its offset on).
     */
    private record Mutation(String kind, byte[] bytes, int from, int to) {

        static Mutation random(byte[] original, Random random) {
            byte[] bytes = original.clone();
            int at = random.nextInt(original.length);
            return switch (random.nextInt(10)) {
                case 0 -> flips(bytes, at, random);
                case 1 -> repairedFlips(bytes, random);
                case 2 -> overwrite(bytes, at, random);
                case 3 -> word(bytes, at, random);
                case 4 -> new Mutation("truncate", Arrays.copyOf(bytes, at), at, Integer.MAX_VALUE);
                case 5 -> splice(bytes, original, at, random);
                case 6 -> zeros(bytes, at, random);
                case 7 -> cut(original, at, random);
                case 8 -> insert(original, at, random);
                default -> header(bytes, random);
            };
        }

        /** Whether chunk {@code index} is left whole and unchanged, at its place. */
        boolean leaves(int index) {
            int start = EvtxFiles.HEADER + index * EvtxFiles.CHUNK;
            int end = start + EvtxFiles.CHUNK;
            return end <= bytes.length && (to <= start || from >= end);
        }

        private static Mutation flips(byte[] bytes, int at, Random random) {
            int end = Math.min(bytes.length, at + 1 + random.nextInt(4096));
            for (int flips = 1 + random.nextInt(16); flips > 0; flips--) {
                bytes[at + random.nextInt(end - at)] ^= (byte) (1 << random.nextInt(8));
            }
            return new Mutation("flips", bytes, at, end);
        }

        /** Flips inside one chunk's records, checksums then repaired, so decoding meets them. */
        private static Mutation repairedFlips(byte[] bytes, Random random) {
            int chunk = EvtxFiles.HEADER + random.nextInt(CHUNKS) * EvtxFiles.CHUNK;
            for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                bytes[chunk + 512 + random.nextInt(16_384)] ^= (byte) (1 << random.nextInt(8));
            }
            EvtxFiles.repairChunk(bytes, chunk);
            return new Mutation("repaired flips", bytes, chunk, chunk + EvtxFiles.CHUNK);
        }

        private static Mutation overwrite(byte[] bytes, int at, Random random) {
            int end = Math.min(bytes.length, at + 1 + random.nextInt(64));
            for (int i = at; i < end; i++) {
                bytes[i] = (byte) random.nextInt(256);
            }
            return new Mutation("overwrite", bytes, at, end);
        }

        /** A 32-bit value a hostile file would use: zero, all ones, a small count, an offset. */
        private static Mutation word(byte[] bytes, int at, Random random) {
            int start = Math.min(at, bytes.length - 4);
            long[] values = {
                0, 0xffff_ffffL, random.nextInt(64), random.nextInt(65_536), 0x7fff_ffffL
            };
            EvtxFiles.putU32(bytes, start, values[random.nextInt(values.length)]);
            if (random.nextBoolean() && start >= EvtxFiles.HEADER) {
                int chunk = start - (start - EvtxFiles.HEADER) % EvtxFiles.CHUNK;
                EvtxFiles.repairChunk(bytes, chunk);
                return new Mutation("repaired word", bytes, chunk, chunk + EvtxFiles.CHUNK);
            }
            return new Mutation("word", bytes, start, start + 4);
        }

        /** Bytes copied from elsewhere in the file, across chunk boundaries or not. */
        private static Mutation splice(byte[] bytes, byte[] original, int at, Random random) {
            int length = Math.min(1 + random.nextInt(8192), original.length - at);
            int from = random.nextInt(original.length - length + 1);
            System.arraycopy(original, from, bytes, at, length);
            return new Mutation("splice", bytes, at, at + length);
        }

        private static Mutation zeros(byte[] bytes, int at, Random random) {
            int end = Math.min(bytes.length, at + 1 + random.nextInt(4096));
            Arrays.fill(bytes, at, end, (byte) 0);
            return new Mutation("zeros", bytes, at, end);
        }

        /** A run of bytes cut out: everything after it moves. */
        private static Mutation cut(byte[] original, int at, Random random) {
            int length = Math.min(1 + random.nextInt(512), original.length - at);
            byte[] bytes = new byte[original.length - length];
            System.arraycopy(original, 0, bytes, 0, at);
            System.arraycopy(original, at + length, bytes, at, bytes.length - at);
            return new Mutation("cut", bytes, at, Integer.MAX_VALUE);
        }

        /** Bytes of the file inserted at another place: everything after it moves. */
        private static Mutation insert(byte[] original, int at, Random random) {
            int length = 1 + random.nextInt(512);
            int from = random.nextInt(original.length - length);
            byte[] bytes = new byte[original.length + length];
            System.arraycopy(original, 0, bytes, 0, at);
            System.arraycopy(original, from, bytes, at, length);
            System.arraycopy(original, at, bytes, at + length, original.length - at);
            return new Mutation("insert", bytes, at, Integer.MAX_VALUE);
        }

        /** Damage to the file header: its signature, chunk count, flags or checksum. */
        private static Mutation header(byte[] bytes, Random random) {
            int[] fields = {0, 3, 7, 42, 43, 120, 124, random.nextInt(EvtxFiles.HEADER)};
            int at = fields[random.nextInt(fields.length)];
            bytes[at] ^= (byte) (1 + random.nextInt(255));
            if (random.nextBoolean()) {
                EvtxFiles.repairHeader(bytes);
            }
            return new Mutation("header", bytes, 0, EvtxFiles.HEADER);
        }

        @Override
        public String toString() {
            return kind + " " + from + ".." + to + " of " + bytes.length;
        }
    }

    /** For each chunk, its events as offset and raw text. */
    private static List<List<String>> perChunk(List<Event> events) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < CHUNKS; i++) {
            chunks.add(new ArrayList<>());
        }
        for (Event event : events) {
            long chunk = (event.provenance().offset() - EvtxFiles.HEADER) / EvtxFiles.CHUNK;
            if (chunk >= 0 && chunk < CHUNKS) {
                chunks.get((int) chunk).add(event.provenance().offset() + " " + event.raw());
            }
        }
        return chunks;
    }

    /** Saves an input that made the reader fail, for a regression file. */
    private static void keep(byte[] bytes) {
        try {
            Path dir = Path.of("target", "evtx-crashes");
            Files.createDirectories(dir);
            Files.write(dir.resolve("crash-" + Arrays.hashCode(bytes) + ".evtx"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path regressions() {
        try (InputStream marker =
                EvtxMutationTest.class.getResourceAsStream("regressions/README.md")) {
            assertThat(marker).as("regressions folder").isNotNull();
            return Path.of(EvtxMutationTest.class.getResource("regressions/README.md").toURI())
                    .getParent();
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
