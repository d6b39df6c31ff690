package dev.atwatch.read.auditd;

import dev.atwatch.event.Provenance;
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

    private static final long PROGRESS_BYTES = 1 << 20;

    private final int openEvents;

    public AuditdReader() {
        this(DEFAULT_OPEN_EVENTS);
    }

    /** A reader that assembles at most {@code openEvents} events at once. */
    public AuditdReader(int openEvents) {
        if (openEvents <= 0) {
            throw new IllegalArgumentException(OPEN_EVENTS + " must be positive: " + openEvents);
        }
        this.openEvents = openEvents;
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
            Run run = new Run(input.name(), options, sink);
            LineSource lines = new LineSource(in, options.limits().maxLineBytes());
            long reported = 0;
            for (String line = lines.next(); line != null; line = lines.next()) {
                run.line(line, lines);
                if (lines.position() - reported >= PROGRESS_BYTES) {
                    sink.progress(lines.position() - reported);
                    reported = lines.position();
                }
            }
            run.end();
            sink.progress(lines.position() - reported);
        }
    }

    /** The state of reading one input. */
    private final class Run {
        private final String input;
        private final ReadOptions options;
        private final RecordSink sink;
        private final AuditEventExtractor extractor;
        private final EventAssembler assembler;
        private long events;

        Run(String input, ReadOptions options, RecordSink sink) {
            this.input = input;
            this.options = options;
            this.sink = sink;
            this.extractor = new AuditEventExtractor(input, options, sink::rejected);
            this.assembler =
                    new EventAssembler(
                            input, options.limits(), openEvents, this::complete, sink::rejected);
        }

        void line(String line, LineSource lines) {
            if (lines.overlong() > 0) {
                long limit = options.limits().maxLineBytes();
                reject(
                        lines,
                        "limit." + ReadLimits.LINE_BYTES,
                        ReadLimits.exceeded(ReadLimits.LINE_BYTES, lines.overlong(), limit));
                return;
            }
            if (line.isBlank()) {
                return;
            }
            if (line.startsWith("----")) {
                assembler.completeAll();
                return;
            }
            RecordHeaderParser.Result result =
                    RecordHeaderParser.parse(line, lines.lineNumber(), lines.lineOffset());
            if (result instanceof RecordHeaderParser.Parsed parsed) {
                assembler.add(parsed.record());
            } else {
                RecordHeaderParser.Failure failure = (RecordHeaderParser.Failure) result;
                reject(lines, failure.reason(), failure.detail() + ": " + excerpt(line));
            }
        }

        void end() {
            assembler.completeAll();
        }

        private void complete(List<AuditRecord> records) {
            sink.event(extractor.extract(records, ++events));
        }

        private void reject(LineSource lines, String reason, String detail) {
            Provenance where =
                    new Provenance(
                            input, lines.lineNumber(), lines.lineNumber(), lines.lineOffset());
            sink.rejected(new Rejected(where, reason, detail));
        }
    }

    /** At most 60 characters of {@code line}, for messages. */
    static String excerpt(String line) {
        return line.length() <= 60 ? "'" + line + "'" : "'" + line.substring(0, 57) + "...'";
    }
}
