package dev.atwatch.read.evtx;

import dev.atwatch.event.Event;
import dev.atwatch.event.Provenance;
import dev.atwatch.read.EventReader;
import dev.atwatch.read.Input;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
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
 * that concern a chunk or a run of bytes rather than a record carry record number 0.
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
        this(null);
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

    @Override
    public boolean recognizes(byte[] head, int length) {
        return head != null && length <= head.length && FileHeader.hasSignature(head, length);
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
            FileHeader header = FileHeader.parse(head, length);
            if (header.problem() != null) {
                delivery.problem(0, EvtxReasons.FILE_HEADER, header.problem());
            }
            delivery.consumed(length);
            if (length == FileHeader.SIZE) {
                chunks(blocks, delivery, options, small(input));
            }
        }
        filtered.add(delivery.filtered);
        if (delivery.filtered > 0) {
            sink.prefiltered(delivery.filtered);
        }
        return delivery.summary();
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

    private void chunks(Blocks blocks, Delivery delivery, ReadOptions options, boolean inline)
            throws IOException {
        RecordFilter recordFilter = filterFor(options);
        boolean parallel = parallelism > 1 && !inline;
        Deque<Future<ChunkResult>> window = new ArrayDeque<>();
        long offset = FileHeader.SIZE;
        long nextRecord = 1;
        try {
            while (true) {
                byte[] block = new byte[ChunkParser.CHUNK_SIZE];
                int length = blocks.read(block, block.length);
                if (length <= 0) {
                    break;
                }
                ChunkParser chunk =
                        new ChunkParser(
                                block, length, offset, options.limits(), limits, recordFilter);
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
                offset += length;
            }
            while (!window.isEmpty()) {
                delivery.accept(await(window.poll()));
            }
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
        private long events;
        private long filtered;
        private long rejected;

        Delivery(String name, RecordSink sink) {
            this.name = name;
            this.sink = sink;
        }

        void accept(ChunkResult result) {
            chunks++;
            for (Object item : result.items()) {
                if (item instanceof Event event) {
                    events++;
                    sink.event(event);
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

        void consumed(int length) {
            if (length > 0) {
                bytes += length;
                sink.progress(length);
            }
        }

        EvtxSummary summary() {
            return new EvtxSummary(bytes, chunks, events, filtered, rejected);
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
