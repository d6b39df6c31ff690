package dev.atwatch.read.auditd;

import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads one audit log on two threads: a helper thread cuts lines and parses record headers; the
 * caller's thread groups the records into events and hands events, rejections and progress to the
 * output (which screens events and turns them into fields for the sink), in input order, as {@link
 * RecordSink} requires.
 *
 * <p>The two meet through a queue of at most {@link #QUEUE_BATCHES} batches of up to {@link
 * #BATCH_ITEMS} items and about {@link #BATCH_CHARS} characters of records, so memory stays bounded
 * whatever the speed of either side.
 */
final class PipelinedRead {

    static final int BATCH_ITEMS = 1024;
    static final int BATCH_CHARS = 1 << 20;
    static final int QUEUE_BATCHES = 16;

    /** Marks the end of the input in the queue. */
    private static final Object END = new Object();

    /** Marks a {@code ----} separator of {@code ausearch} text in a batch. */
    private static final Object BOUNDARY = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
    private volatile boolean cancelled;

    /** Reads {@code in} (closed by the caller) and passes what it holds to {@code output}. */
    void read(
            String input,
            InputStream in,
            ReadOptions options,
            int openEvents,
            RecordStream.Output output)
            throws IOException {
        Thread stage = new Thread(() -> produce(input, in, options), "auditd-records");
        stage.setDaemon(true);
        stage.start();
        try {
            consume(RecordStream.assembling(input, options.limits(), openEvents, output));
        } finally {
            cancelled = true;
            stage.interrupt();
            joinQuietly(stage);
        }
    }

    private void consume(RecordStream.Records output) throws IOException {
        while (true) {
            Object batch = take();
            if (batch == END) {
                return;
            }
            if (batch instanceof IOException failure) {
                throw failure;
            }
            for (Object item : (List<?>) batch) {
                if (item instanceof AuditRecord record) {
                    output.record(record);
                } else if (item instanceof Rejected rejected) {
                    output.rejected(rejected);
                } else if (item instanceof Long bytes) {
                    output.progress(bytes);
                } else if (item == BOUNDARY) {
                    output.boundary();
                }
            }
        }
    }

    private Object take() throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("reading was interrupted");
        }
    }

    private void produce(String input, InputStream in, ReadOptions options) {
        Batches batches = new Batches();
        try {
            new RecordStream(input, options.limits(), batches).read(in);
            batches.flush();
            offer(END);
        } catch (IOException e) {
            offer(e);
        } catch (UncheckedIOException e) {
            offer(e.getCause());
        } catch (Cancelled e) {
            // the caller stopped reading
        }
    }

    /** Puts {@code item} on the queue, giving up when the caller has stopped reading. */
    private void offer(Object item) {
        try {
            while (!cancelled) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Cancelled();
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects the output of the first stage into batches for the queue. */
    private final class Batches implements RecordStream.Records {
        private List<Object> batch = new ArrayList<>(BATCH_ITEMS);
        private long chars;

        @Override
        public void record(AuditRecord record) {
            chars += record.text().length();
            add(record);
        }

        @Override
        public void boundary() {
            add(BOUNDARY);
        }

        @Override
        public void rejected(Rejected rejected) {
            add(rejected);
        }

        @Override
        public void progress(long bytes) {
            add(bytes);
        }

        private void add(Object item) {
            if (cancelled) {
                throw new Cancelled();
            }
            batch.add(item);
            if (batch.size() >= BATCH_ITEMS || chars >= BATCH_CHARS) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                offer(batch);
                batch = new ArrayList<>(BATCH_ITEMS);
                chars = 0;
            }
        }
    }

    /** Stops the first stage once the caller no longer reads. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
