package dev.atwatch.read.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.atwatch.event.Event;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Rejected;
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
 * Hostile inputs: bytes of the fixtures flipped, truncated, spliced and zeroed, thousands of times
 * under fixed seeds. The reader must never throw, never hang, keep every rendered record within its
 * limits, account for every byte it reads, and keep delivering the chunks the mutation did not
 * touch exactly as before.
 */
class EvtxMutationTest {

    /** Raise with {@code -Devtx.mutation.scale=N} for a longer campaign. */
    private static final int SCALE = Integer.getInteger("evtx.mutation.scale", 1);

    private static final int MUTATIONS_PER_SEED = 500 * SCALE;
    private static final long[] SEEDS = {1, 2, 3, 5, 8, 13, 21, 34};

    @Test
    void mutatedChunksNeverStopTheReaderNorDisturbTheOtherChunks() {
        byte[] original = EvtxReaderTest.manyChunks(3);
        List<List<String>> intact = perChunk(read(original).events);
        assertTimeoutPreemptively(
                Duration.ofSeconds(120L * SCALE),
                () -> {
                    for (long seed : SEEDS) {
                        mutateAndCheck(original, intact, new Random(seed), MUTATIONS_PER_SEED);
                    }
                });
    }

    /** The shared samples hold event data as nested binary XML, which the fixtures do not. */
    @Test
    void mutatedSharedSampleChunksNeverStopTheReader() throws IOException {
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
                        3);
        List<List<String>> intact = perChunk(read(original).events);
        assertTimeoutPreemptively(
                Duration.ofSeconds(120L * SCALE),
                () -> {
                    for (long seed : new long[] {55, 89}) {
                        mutateAndCheck(original, intact, new Random(seed), 250 * SCALE);
                    }
                });
    }

    @Test
    void regressionInputsAreReadWithoutFailure() throws IOException {
        Path folder = regressions();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".evtx")).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                CollectingSink sink =
                        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(bytes));
                checkAccounting(bytes, sink);
            }
        }
    }

    private static void mutateAndCheck(
            byte[] original, List<List<String>> intact, Random random, int mutations) {
        for (int i = 0; i < mutations; i++) {
            int chunk = random.nextInt(3);
            byte[] mutated = mutate(original, chunk, random);
            CollectingSink sink;
            try {
                sink = read(mutated);
                checkAccounting(mutated, sink);
            } catch (RuntimeException | AssertionError e) {
                keep(mutated);
                throw e;
            }
            List<List<String>> now = perChunk(sink.events);
            for (int other = 0; other < 3; other++) {
                if (other != chunk
                        && mutated.length >= EvtxFiles.HEADER + (other + 1) * EvtxFiles.CHUNK) {
                    assertThat(now.get(other))
                            .as("chunk %d untouched", other)
                            .isEqualTo(intact.get(other));
                }
            }
        }
    }

    /** Applies one random kind of damage inside chunk {@code chunk} (or truncates there). */
    private static byte[] mutate(byte[] original, int chunk, Random random) {
        byte[] bytes = original.clone();
        int start = EvtxFiles.HEADER + chunk * EvtxFiles.CHUNK;
        int inChunk = 512 + random.nextInt(8192); // where the records and templates are
        switch (random.nextInt(6)) {
            case 0 -> {
                for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                    bytes[start + 512 + random.nextInt(8192)] ^= (byte) (1 << random.nextInt(8));
                }
                EvtxFiles.repairChunk(bytes, start); // so decoding, not the checksum, meets it
            }
            case 1 -> bytes[start + random.nextInt(512)] = (byte) random.nextInt(256);
            case 2 -> {
                return Arrays.copyOf(bytes, start + random.nextInt(EvtxFiles.CHUNK));
            }
            case 3 -> {
                int length = 1 + random.nextInt(256);
                int from = start + 512 + random.nextInt(8192);
                System.arraycopy(original, from, bytes, start + inChunk, length);
                EvtxFiles.repairChunk(bytes, start);
            }
            case 4 -> {
                Arrays.fill(
                        bytes, start + inChunk, start + inChunk + random.nextInt(2048), (byte) 0);
                EvtxFiles.repairChunk(bytes, start);
            }
            default -> {
                int at = start + inChunk;
                EvtxFiles.putU32(bytes, at, random.nextInt());
                EvtxFiles.repairChunk(bytes, start);
            }
        }
        return bytes;
    }

    private static CollectingSink read(byte[] bytes) {
        try {
            CollectingSink sink = new CollectingSink();
            ReadOptions options = new ReadOptions(null, null, ReadLimits.DEFAULTS);
            EvtxSummary summary =
                    new EvtxReader(null, EvtxLimits.DEFAULTS, 2)
                            .scan(Inputs.stream("mutated.evtx", bytes), options, sink);
            assertThat(summary.bytes()).isEqualTo(bytes.length);
            assertThat(summary.events()).isEqualTo(sink.events.size());
            assertThat(summary.rejected()).isEqualTo(sink.rejected.size());
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkAccounting(byte[] bytes, CollectingSink sink) {
        for (Rejected rejected : sink.rejected) {
            assertThat(rejected.reason()).isNotBlank();
            assertThat(rejected.detail()).isNotBlank();
            assertThat(rejected.where().offset()).isBetween(0L, (long) bytes.length);
        }
        long previous = 0;
        for (Event event : sink.events) {
            assertThat(event.raw().length())
                    .isLessThanOrEqualTo(ReadLimits.DEFAULTS.maxRecordBytes());
            assertThat(event.provenance().record()).isGreaterThan(previous);
            previous = event.provenance().record();
        }
        assertThat(sink.progress).isEqualTo(bytes.length);
        assertEveryRecordParsedOrReported(sink);
    }

    /** Every record found takes the next number and comes out as an event or a rejection. */
    private static void assertEveryRecordParsedOrReported(CollectingSink sink) {
        java.util.TreeSet<Long> numbers = new java.util.TreeSet<>();
        sink.events.forEach(e -> numbers.add(e.provenance().record()));
        for (Rejected rejected : sink.rejected) {
            if (rejected.where().record() > 0) {
                assertThat(numbers.add(rejected.where().record())).isTrue();
            }
        }
        if (!numbers.isEmpty()) {
            assertThat(numbers.first()).isEqualTo(1);
            assertThat(numbers.last()).isEqualTo(numbers.size());
        }
    }

    /** For each chunk, its events as record number, offset, EventRecordID and raw text. */
    private static List<List<String>> perChunk(List<Event> events) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            chunks.add(new ArrayList<>());
        }
        for (Event event : events) {
            int chunk = (int) ((event.provenance().offset() - EvtxFiles.HEADER) / EvtxFiles.CHUNK);
            chunks.get(chunk).add(event.provenance().offset() + " " + event.raw());
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
