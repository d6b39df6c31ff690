package dev.atwatch.read.auditd;

import dev.atwatch.read.ReadLimits;
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
 * Reads one audit log on three threads: a helper thread cuts lines, parses record headers and finds
 * the values the screen looks at ({@link AuditScreen#examine}); a second groups the records into
 * events, numbers them and screens them ({@link AuditScreen}); the caller's thread turns the events
 * that passed into fields and hands them, with rejections and progress, to the sink, in input
 * order, as {@link dev.atwatch.read.RecordSink} requires.
 *
 * <p>Stages meet through queues of at most {@link #QUEUE_BATCHES} batches of up to {@link
 * #BATCH_ITEMS} items and about {@link #BATCH_CHARS} characters of records, so memory stays bounded
 * whatever the speed of each stage. A failure in any stage stops the others and reaches the caller.
 */
final class PipelinedRead {

    static final int BATCH_ITEMS = 1024;
    static final int BATCH_CHARS = 1 << 20;
    static final int QUEUE_BATCHES = 16;

    /** Marks a {@code ----} separator of {@code ausearch} text among records. */
    private static final Object BOUNDARY = new Object();

    /** Bytes read since the last progress item. */
    private record Progress(long bytes) {}

    /** Events the screen skipped since the last item. */
    private record Skipped(long events) {}

    /** An event the screen passed. */
    private record Passed(long number, List<AuditRecord> records) {}

    /** A failure of a stage, passed down to the caller. */
    private record Failure(Throwable cause) {}

    private volatile boolean cancelled;

    /**
     * Reads {@code in} (closed by the caller) and passes what it holds, screened by {@code screen}
     * (or not at all when {@code null}), to {@code output}.
     */
    void read(
            String input,
            InputStream in,
            ReadLimits limits,
            int openEvents,
            AuditScreen screen,
            AuditdReader.Screened output)
            throws IOException {
        Handoff records = new Handoff();
        Handoff events = new Handoff();
        AuditScreen examiner = screen == null ? null : screen.forAnotherThread();
        Thread first =
                start("auditd-records", () -> readRecords(input, in, limits, examiner, records));
        Thread second =
                start(
                        "auditd-events",
                        () -> assemble(input, limits, openEvents, screen, records, events));
        try {
            deliver(events, output);
        } finally {
            cancelled = true;
            first.interrupt();
            second.interrupt();
            joinQuietly(first);
            joinQuietly(second);
        }
    }

    private static Thread start(String name, Runnable stage) {
        Thread thread = new Thread(stage, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * The first stage: lines and record headers, each record examined by {@code examiner} (when not
     * {@code null}) for the screen of the next stage.
     */
    private void readRecords(
            String input,
            InputStream in,
            ReadLimits limits,
            AuditScreen examiner,
            Handoff records) {
        try {
            RecordStream.Records out =
                    new RecordStream.Records() {
                        @Override
                        public void record(AuditRecord record) {
                            if (examiner != null) {
                                examiner.examine(record);
                            }
                            records.add(record, record.text().length());
                        }

                        @Override
                        public void boundary() {
                            records.add(BOUNDARY, 0);
                        }

                        @Override
                        public void rejected(Rejected rejected) {
                            records.add(rejected, 0);
                        }

                        @Override
                        public void progress(long bytes) {
                            records.add(new Progress(bytes), 0);
                        }
                    };
            new RecordStream(input, limits, out).read(in);
            records.finish();
        } catch (IOException e) {
            records.fail(e);
        } catch (UncheckedIOException e) {
            records.fail(e.getCause());
        } catch (Cancelled e) {
            // a later stage stopped reading
        } catch (RuntimeException | Error e) {
            records.fail(e);
        }
    }

    /** The second stage: events, numbered and screened. */
    private void assemble(
            String input,
            ReadLimits limits,
            int openEvents,
            AuditScreen screen,
            Handoff records,
            Handoff events) {
        try {
            AuditdReader.Screened out =
                    new AuditdReader.Screened() {
                        @Override
                        public void event(long number, List<AuditRecord> event) {
                            int chars = 0;
                            for (AuditRecord record : event) {
                                chars += record.text().length();
                            }
                            events.add(new Passed(number, event), chars);
                        }

                        @Override
                        public void skipped(long count) {
                            events.skipped(count);
                        }

                        @Override
                        public void rejected(Rejected rejected) {
                            events.add(rejected, 0);
                        }

                        @Override
                        public void progress(long bytes) {
                            events.add(new Progress(bytes), 0);
                        }
                    };
            RecordStream.Records assembler =
                    RecordStream.assembling(
                            input, limits, openEvents, new AuditdReader.Screening(screen, out));
            while (true) {
                Object batch = records.take();
                if (batch == Handoff.END) {
                    events.finish();
                    return;
                }
                if (batch instanceof Failure failure) {
                    events.fail(failure.cause());
                    return;
                }
                for (Object item : (List<?>) batch) {
                    if (item instanceof AuditRecord record) {
                        assembler.record(record);
                    } else if (item instanceof Rejected rejected) {
                        assembler.rejected(rejected);
                    } else if (item instanceof Progress progress) {
                        assembler.progress(progress.bytes());
                    } else if (item == BOUNDARY) {
                        assembler.boundary();
                    }
                }
            }
        } catch (Cancelled | InterruptedIOException e) {
            // the caller stopped reading
        } catch (RuntimeException | Error e) {
            events.fail(e);
        }
    }

    /** The caller's stage: events that passed, rejections and progress, to the output. */
    private static void deliver(Handoff events, AuditdReader.Screened output) throws IOException {
        while (true) {
            Object batch = events.take();
            if (batch == Handoff.END) {
                return;
            }
            if (batch instanceof Failure failure) {
                throw rethrown(failure.cause());
            }
            for (Object item : (List<?>) batch) {
                if (item instanceof Passed passed) {
                    output.event(passed.number(), passed.records());
                } else if (item instanceof Skipped skipped) {
                    output.skipped(skipped.events());
                } else if (item instanceof Rejected rejected) {
                    output.rejected(rejected);
                } else if (item instanceof Progress progress) {
                    output.progress(progress.bytes());
                }
            }
        }
    }

    /** {@code cause} as the caller's failure: I/O errors as they are, the rest unchecked. */
    private static IOException rethrown(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(cause);
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The bounded queue between two stages, fed in batches. Skipped events are counted, not queued
     * one by one.
     */
    private final class Handoff {
        static final Object END = new Object();

        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
        private List<Object> batch = new ArrayList<>(BATCH_ITEMS);
        private long chars;
        private long skipped;

        void add(Object item, int itemChars) {
            if (cancelled) {
                throw new Cancelled();
            }
            addSkipped();
            batch.add(item);
            chars += itemChars;
            if (batch.size() >= BATCH_ITEMS || chars >= BATCH_CHARS) {
                flush();
            }
        }

        void skipped(long count) {
            skipped += count;
        }

        /** Puts the events skipped since the last item in the batch, keeping their place. */
        private void addSkipped() {
            if (skipped > 0) {
                batch.add(new Skipped(skipped));
                skipped = 0;
            }
        }

        void finish() {
            addSkipped();
            flush();
            offer(END);
        }

        void fail(Throwable cause) {
            try {
                offer(new Failure(cause));
            } catch (Cancelled e) {
                // nobody reads any more
            }
        }

        private void flush() {
            if (!batch.isEmpty()) {
                offer(batch);
                batch = new ArrayList<>(BATCH_ITEMS);
                chars = 0;
            }
        }

        /** Puts {@code item} on the queue, giving up when a later stage has stopped reading. */
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

        Object take() throws InterruptedIOException {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("reading was interrupted");
            }
        }
    }

    /** Stops a stage once the next one no longer reads. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
