package dev.atwatch.read.auditd;

import dev.atwatch.read.EventReader;
import dev.atwatch.read.Input;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads Linux audit logs: the raw {@code /var/log/audit/audit.log} (with or without {@code node=}
 * prefixes), its ENRICHED form (interpreted fields after a 0x1D byte) and the text {@code ausearch
 * -i} prints ({@code ----} separators, local times, decoded values).
 *
 * <p>One event is produced per audit event (records sharing node, timestamp and serial), with
 * sourcetype {@code linux:audit}, index {@code linux} unless {@link ReadOptions#index()} says
 * otherwise, {@code host} from {@link ReadOptions#host()} or the {@code node=} prefix (absent when
 * neither is known), {@code source} the input's name and {@code _raw} the event's record lines
 * joined by newlines. See {@link AuditEventExtractor} for the fields.
 *
 * <p>Lines that are not records, records without a serial and lines longer than {@link
 * ReadLimits#maxLineBytes()} are rejected with their line and byte offset; reading goes on.
 */
public final class AuditdReader implements EventReader {

    public static final String NAME = "auditd";

    /**
     * The name of the limit on events assembled at once; when more are open the oldest is completed
     * as it stands (records interleave over a few events only, so this is not an error).
     */
    public static final String OPEN_EVENTS = "auditd-open-events";

    public static final int DEFAULT_OPEN_EVENTS = 256;

    /**
     * Inputs of this size or more are read on three threads ({@link PipelinedRead}) when the
     * machine has more than one processor: cutting lines and parsing headers on one, assembling and
     * screening events on another, turning them into fields on the caller's. Smaller inputs are not
     * worth the threads.
     */
    public static final long DEFAULT_PIPELINE_BYTES =
            Runtime.getRuntime().availableProcessors() > 1 ? 16L << 20 : Long.MAX_VALUE;

    private final int openEvents;
    private final long pipelineBytes;

    public AuditdReader() {
        this(DEFAULT_OPEN_EVENTS);
    }

    /** A reader that assembles at most {@code openEvents} events at once. */
    public AuditdReader(int openEvents) {
        this(openEvents, DEFAULT_PIPELINE_BYTES);
    }

    /**
     * A reader that assembles at most {@code openEvents} events at once and reads inputs of {@code
     * pipelineBytes} or more on two threads.
     */
    public AuditdReader(int openEvents, long pipelineBytes) {
        if (openEvents <= 0) {
            throw new IllegalArgumentException(OPEN_EVENTS + " must be positive: " + openEvents);
        }
        this.openEvents = openEvents;
        this.pipelineBytes = pipelineBytes;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** True when the first record-like line of {@code head} is an audit record header. */
    @Override
    public boolean recognizes(byte[] head, int length) {
        String text =
                new String(head, 0, Math.min(length, head.length), StandardCharsets.ISO_8859_1);
        for (String line : text.split("\n", 12)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("----")) {
                continue;
            }
            return isRecordHeader(trimmed);
        }
        return false;
    }

    private static boolean isRecordHeader(String line) {
        int type = line.startsWith("node=") ? line.indexOf(" type=") + 1 : 0;
        return type >= 0 && line.startsWith("type=", type) && line.indexOf(" msg=", type) > 0;
    }

    @Override
    public void read(Input input, ReadOptions options, RecordSink sink) throws IOException {
        try (InputStream in = input.open()) {
            String name = input.name();
            AuditScreen screen = AuditScreen.of(options.filter());
            Extraction output = new Extraction(name, options, sink);
            if (input.size() >= pipelineBytes) {
                new PipelinedRead().read(name, in, options.limits(), openEvents, screen, output);
                return;
            }
            RecordStream.Records records =
                    RecordStream.assembling(
                            name, options.limits(), openEvents, new Screening(screen, output));
            new RecordStream(name, options.limits(), records).read(in);
        }
    }

    /** Receives the events a screen passed, with their numbers, and what else reaches the sink. */
    interface Screened {
        void event(long number, List<AuditRecord> records);

        /** {@code count} events the screen skipped. */
        void skipped(long count);

        void rejected(Rejected rejected);

        void progress(long bytes);
    }

    /**
     * Numbers events and passes on those that the screen (the options' filter, looked for in the
     * record lines) lets through; with no screen, all. Events are numbered before the screen, so an
     * event has the same number whatever the filter.
     */
    static final class Screening implements RecordStream.Output {
        private final AuditScreen screen;
        private final Screened next;
        private long events;

        Screening(AuditScreen screen, Screened next) {
            this.screen = screen;
            this.next = next;
        }

        @Override
        public void event(List<AuditRecord> records) {
            long number = ++events;
            if (screen != null && !screen.mayPass(records)) {
                next.skipped(1);
                return;
            }
            next.event(number, records);
        }

        @Override
        public void rejected(Rejected rejected) {
            next.rejected(rejected);
        }

        @Override
        public void progress(long bytes) {
            next.progress(bytes);
        }
    }

    /** Turns the events that passed the screen into fields for the sink. */
    static final class Extraction implements Screened {
        private final AuditEventExtractor extractor;
        private final RecordSink sink;

        Extraction(String input, ReadOptions options, RecordSink sink) {
            this.extractor = new AuditEventExtractor(input, options, sink::rejected);
            this.sink = sink;
        }

        @Override
        public void event(long number, List<AuditRecord> records) {
            sink.event(extractor.extract(records, number));
        }

        @Override
        public void skipped(long count) {
            sink.prefiltered(count);
        }

        @Override
        public void rejected(Rejected rejected) {
            sink.rejected(rejected);
        }

        @Override
        public void progress(long bytes) {
            sink.progress(bytes);
        }
    }

    /** At most 60 characters of {@code line}, for messages. */
    static String excerpt(String line) {
        return line.length() <= 60 ? "'" + line + "'" : "'" + line.substring(0, 57) + "...'";
    }
}
