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
     * Inputs of this size or more are read on two threads ({@link PipelinedRead}) when the machine
     * has more than one processor: cutting lines and parsing headers on one, assembling, screening
     * and extracting events on the other. Smaller inputs are not worth a thread.
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
            Output output = new Output(input.name(), options, sink);
            if (input.size() >= pipelineBytes) {
                new PipelinedRead().read(input.name(), in, options, openEvents, output);
                return;
            }
            String name = input.name();
            RecordStream.Records records =
                    RecordStream.assembling(name, options.limits(), openEvents, output);
            new RecordStream(name, options.limits(), records).read(in);
        }
    }

    /**
     * Passes events that the options' filter may keep, once turned into fields, and the rest
     * straight to the sink. Events are numbered before the filter, so an event has the same number
     * whatever the filter.
     */
    static final class Output implements RecordStream.Output {
        private final AuditEventExtractor extractor;
        private final AuditScreen screen;
        private final RecordSink sink;
        private long events;

        Output(String input, ReadOptions options, RecordSink sink) {
            this.extractor = new AuditEventExtractor(input, options, sink::rejected);
            this.screen = AuditScreen.of(options.filter());
            this.sink = sink;
        }

        @Override
        public void event(List<AuditRecord> records) {
            long number = ++events;
            if (screen != null && !screen.mayPass(records)) {
                sink.prefiltered(1);
                return;
            }
            sink.event(extractor.extract(records, number));
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
