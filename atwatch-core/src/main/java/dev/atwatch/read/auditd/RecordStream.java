package dev.atwatch.read.auditd;

import dev.atwatch.event.Provenance;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.Rejected;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The first stage of reading an audit log: lines and record headers. The records it finds go, in
 * input order, to a {@link Records}; {@link #assembling} groups them into events for an {@link
 * Output}, on the same thread or, fed through a queue, on another.
 */
final class RecordStream {

    private static final long PROGRESS_BYTES = 1 << 20;

    /** Receives the events (as their records), rejections and progress of one input, in order. */
    interface Output {
        void event(List<AuditRecord> records);

        void rejected(Rejected rejected);

        void progress(long bytes);
    }

    /** Receives the records, rejections and progress of one input, in order. */
    interface Records {
        void record(AuditRecord record);

        /** A {@code ----} separator of {@code ausearch} text or the end: open events are over. */
        void boundary();

        void rejected(Rejected rejected);

        void progress(long bytes);
    }

    private final String input;
    private final ReadLimits limits;
    private final Records output;
    private final RecordHeaderParser headers = new RecordHeaderParser();

    RecordStream(String input, ReadLimits limits, Records output) {
        this.input = input;
        this.limits = limits;
        this.output = output;
    }

    /** Records that are grouped into events by an {@link EventAssembler} for {@code output}. */
    static Records assembling(String input, ReadLimits limits, int openEvents, Output output) {
        EventAssembler assembler =
                new EventAssembler(input, limits, openEvents, output::event, output::rejected);
        return new Records() {
            @Override
            public void record(AuditRecord record) {
                assembler.add(record);
            }

            @Override
            public void boundary() {
                assembler.completeAll();
            }

            @Override
            public void rejected(Rejected rejected) {
                output.rejected(rejected);
            }

            @Override
            public void progress(long bytes) {
                output.progress(bytes);
            }
        };
    }

    /** Reads {@code in} to its end. */
    void read(InputStream in) throws IOException {
        LineSource lines = new LineSource(in, limits.maxLineBytes());
        long reported = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            line(line, lines);
            if (lines.position() - reported >= PROGRESS_BYTES) {
                output.progress(lines.position() - reported);
                reported = lines.position();
            }
        }
        output.boundary();
        output.progress(lines.position() - reported);
    }

    private void line(String line, LineSource lines) {
        if (lines.overlong() > 0) {
            long limit = limits.maxLineBytes();
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
            output.boundary();
            return;
        }
        RecordHeaderParser.Result result =
                headers.read(line, lines.lineNumber(), lines.lineOffset());
        if (result instanceof RecordHeaderParser.Parsed parsed) {
            output.record(parsed.record());
        } else {
            RecordHeaderParser.Failure failure = (RecordHeaderParser.Failure) result;
            reject(lines, failure.reason(), failure.detail() + ": " + AuditdReader.excerpt(line));
        }
    }

    private void reject(LineSource lines, String reason, String detail) {
        Provenance where =
                new Provenance(input, lines.lineNumber(), lines.lineNumber(), lines.lineOffset());
        output.rejected(new Rejected(where, reason, detail));
    }
}
