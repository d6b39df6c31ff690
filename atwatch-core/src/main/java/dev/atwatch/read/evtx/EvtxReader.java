package dev.atwatch.read.evtx;

import dev.atwatch.event.Event;
import dev.atwatch.event.Provenance;
import dev.atwatch.read.EventReader;
import dev.atwatch.read.Input;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;
import dev.atwatch.read.windows.WindowsEvents;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads Windows XML Event Log ({@code .evtx}) files natively: the file header, every 64 KiB chunk
 * with a valid signature up to the end of the input (also past the header's chunk count, as dirty
 * files need), each chunk's records and their binary XML. Each record becomes a {@link
 * dev.atwatch.read.windows.WindowsEventRecord} and then an event through {@link
 * WindowsEvents#toEvent}, so an EVTX file and its XML rendering give the same fields.
 *
 * <p>Chunks are independent, so they are decoded in parallel on a small shared pool of daemon
 * threads, at most {@code 2 × parallelism} at a time; events and rejections reach the sink in file
 * order on the caller's thread. The input is read 64 KiB at a time, from a file or a stream alike,
 * so memory stays bounded by the chunks in flight whatever the input's size.
 *
 * <p>Provenance: the input's name, the record's ordinal among the records of the input (counting
 * decoded, filtered and rejected records, in file order), and the record's byte offset. Problems
 * that concern a chunk or a run of bytes rather than a record carry record number 0. Lost bytes and
 * records are {@link Rejected}; damage read past without loss (a failed checksum over records that
 * still decode, a broken file header) is a {@link Warning}. Reports come in file order.
 *
 * <p>An optional {@link RecordFilter} is tested on each record before decoding (when none is given,
 * the {@link ReadOptions#filter()} of the run is applied to the record's UTF-16LE values); the
 * records it rejects are reported through {@link RecordSink#prefiltered} and counted in the {@link
 * EvtxSummary} that {@link #scan} returns and in {@link #filteredRecords()}.
 */
public final class EvtxReader implements EventReader {

    public static final String NAME = "evtx";

    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final RecordFilter filter;
    private final EvtxLimits limits;
    private final int parallelism;
    private final LongAdder filtered = new LongAdder();

    /** A reader without filter, with default limits, decoding on all processors. */
    public EvtxReader() {
        this(null, EvtxLimits.DEFAULTS, THREADS);
    }

    /** A reader without filter, with {@code limits}, decoding on all processors. */
    public EvtxReader(EvtxLimits limits) {
        this(null, limits, THREADS);
    }

    /** A reader that tests each record with {@code filter} (may be null) before decoding it. */
    public EvtxReader(RecordFilter filter) {
        this(filter, EvtxLimits.DEFAULTS, THREADS);
    }

    /**
     * @param filter tested on each record before decoding, or {@code null}
     * @param limits the EVTX-specific limits
     * @param parallelism how many chunks to decode at once; 1 decodes on the caller's thread
     */
    public EvtxReader(RecordFilter filter, EvtxLimits limits, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be positive: " + parallelism);
        }
        this.filter = filter;
        this.limits = limits;
        this.parallelism = Math.min(parallelism, THREADS);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Recognises the {@code ElfFile} signature, and also a chunk's {@code ElfChnk} signature where
     * the first chunk starts (after the 4 KiB file header, or at the very start of an input that is
     * a bare chunk), so that a file whose header is damaged is still read.
     */
    @Override
    public boolean recognizes(byte[] head, int length) {
        if (head == null || length > head.length) {
            return false;
        }
        return FileHeader.hasSignature(head, length)
                || ChunkParser.hasSignatureAt(head, length, 0)
                || ChunkParser.hasSignatureAt(head, length, FileHeader.SIZE);
    }

    @Override
    public void read(Input input, ReadOptions options, RecordSink sink) throws IOException {
        scan(input, options, sink);
    }

    /** Reads {@code input} as {@link #read} does and returns what was read, filtered, rejected. */
    public EvtxSummary scan(Input input, ReadOptions options, RecordSink sink) throws IOException {
        Delivery delivery = new Delivery(input.name(), sink);
        try (Blocks blocks = Blocks.open(input)) {
            byte[] head = new byte[FileHeader.SIZE];
            int length = blocks.read(head, head.length);
            if (ChunkParser.hasSignatureAt(head, length, 0)) {
                delivery.warning(
                        0, EvtxReasons.FILE_HEADER, "no file header: input starts with a chunk");
                chunks(Blocks.replaying(head, length, blocks), 0, delivery, options, small(input));
            } else {
                FileHeader header = header(head, length, delivery);
                if (length == FileHeader.SIZE) {
                    long offset = FileHeader.SIZE;
                    long present = chunks(blocks, offset, delivery, options, small(input));
                    checkChunkCount(header, present, delivery);
                }
            }
        }
        filtered.add(delivery.filtered);
        if (delivery.filtered > 0) {
            sink.prefiltered(delivery.filtered);
        }
        return delivery.summary();
    }

    /** Parses and reports the file header; the chunks are read whatever its state. */
    private static FileHeader header(byte[] head, int length, Delivery delivery) {
        FileHeader header = FileHeader.parse(head, length);
        if (length < FileHeader.SIZE) {
            delivery.problem(0, EvtxReasons.TRUNCATED, "input ends inside the file header");
        } else if (header.problem() != null) {
            delivery.warning(0, EvtxReasons.FILE_HEADER, header.problem() + "; chunks still read");
        }
        delivery.consumed(length);
        return header;
    }

    /**
     * An input that ends at a chunk boundary before the chunks its (sound) header announces is cut
     * short: the records of the missing chunks are lost, so it is reported, never silently.
     */
    private static void checkChunkCount(FileHeader header, long present, Delivery delivery) {
        if (header.problem() == null && header.chunkCount() > present) {
            delivery.problem(
                    delivery.bytes,
                    EvtxReasons.TRUNCATED,
                    "the file header announces "
                            + header.chunkCount()
                            + " chunks, the input holds "
                            + present
                            + "; the records of the missing chunks are lost");
        }
    }

    /** Records rejected by the filter, over every input this reader has read. */
    public long filteredRecords() {
        return filtered.sum();
    }

    private static boolean small(Input input) {
        long size = input.size();
        return size >= 0 && size <= FileHeader.SIZE + 2L * ChunkParser.CHUNK_SIZE;
    }

    /**
     * The filter to test records with: this reader's own, else the options' record filter applied
     * to the record's UTF-16LE values, else none.
     */
    private RecordFilter filterFor(ReadOptions options) {
        dev.atwatch.read.RecordFilter shared = options.filter();
        if (filter != null || shared.acceptsEverything()) {
            return filter;
        }
        return (bytes, offset, length) ->
                shared.mayMatch(
                        dev.atwatch.read.RecordFilter.Encoding.UTF16LE, bytes, offset, length);
    }

    /**
     * Reads, decodes and delivers the chunks from {@code offset} to the end of the input.
     *
     * @return how many chunk-sized blocks (the last one possibly cut short) the input held
     */
    private long chunks(
            Blocks blocks, long offset, Delivery delivery, ReadOptions options, boolean inline)
            throws IOException {
        RecordFilter recordFilter = filterFor(options);
        boolean parallel = parallelism > 1 && !inline;
        Deque<Future<ChunkResult>> window = new ArrayDeque<>();
        long at = offset;
        long nextRecord = 1;
        long present = 0;
        try {
            while (true) {
                byte[] block = new byte[ChunkParser.CHUNK_SIZE];
                int length = blocks.read(block, block.length);
                if (length <= 0) {
                    break;
                }
                present++;
                ChunkParser chunk =
                        new ChunkParser(block, length, at, options.limits(), limits, recordFilter);
                long first = nextRecord;
                nextRecord += chunk.layout();
                Callable<ChunkResult> decode = () -> chunk.decode(delivery.name, first, options);
                window.add(
                        parallel
                                ? Pool.EXECUTOR.submit(decode)
                                : CompletableFuture.completedFuture(decode.call()));
                while (window.size() > 2 * parallelism) {
                    delivery.accept(await(window.poll()));
                }
                at += length;
            }
            while (!window.isEmpty()) {
                delivery.accept(await(window.poll()));
            }
            return present;
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("chunk decoding failed", e);
        } finally {
            window.forEach(future -> future.cancel(true));
        }
    }

    private static ChunkResult await(Future<ChunkResult> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading EVTX chunks");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("chunk decoding failed", e.getCause());
        }
    }

    /** Hands chunk results to the sink, and counts. */
    private static final class Delivery {
        private final String name;
        private final RecordSink sink;
        private long bytes;
        private long chunks;
        private long records;
        private long events;
        private long filtered;
        private long rejected;
        private long warnings;

        Delivery(String name, RecordSink sink) {
            this.name = name;
            this.sink = sink;
        }

        void accept(ChunkResult result) {
            chunks++;
            records += result.records();
            for (Object item : result.items()) {
                if (item instanceof Event event) {
                    events++;
                    sink.event(event);
                } else if (item instanceof Warning warning) {
                    warnings++;
                    sink.warning(warning);
                } else {
                    rejected++;
                    sink.rejected((Rejected) item);
                }
            }
            filtered += result.filtered();
            consumed(result.length());
        }

        void problem(long offset, String reason, String detail) {
            rejected++;
            sink.rejected(new Rejected(new Provenance(name, 0, 0, offset), reason, detail));
        }

        void warning(long offset, String reason, String detail) {
            warnings++;
            sink.warning(new Warning(new Provenance(name, 0, 0, offset), reason, detail));
        }

        void consumed(int length) {
            if (length > 0) {
                bytes += length;
                sink.progress(length);
            }
        }

        EvtxSummary summary() {
            return new EvtxSummary(bytes, chunks, records, events, filtered, rejected, warnings);
        }
    }

    /** The shared decoding threads: daemon threads, so an idle pool never holds the JVM open. */
    private static final class Pool {
        private static final AtomicInteger COUNT = new AtomicInteger();
        static final ExecutorService EXECUTOR =
                Executors.newFixedThreadPool(
                        THREADS,
                        task -> {
                            Thread thread =
                                    new Thread(task, "atwatch-evtx-" + COUNT.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
    }
}
