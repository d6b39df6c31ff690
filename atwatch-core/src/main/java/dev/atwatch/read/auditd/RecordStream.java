package dev.atwatch.read.auditd;

import dev.atwatch.event.Provenance;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.Rejected;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The first stage of reading an audit log: lines, record headers and the grouping of records into
 * events. What it finds goes, in input order, to an {@link Output}; turning an event's records into
 * fields is left to the next stage, which may run on another thread.
 */
final class RecordStream {

    private static final long PROGRESS_BYTES = 1 << 20;

    /** Receives the events (as their records), rejections and progress of one input, in order. */
    interface Output {
        void event(List<AuditRecord> records);

        void rejected(Rejected rejected);

        void progress(long bytes);
    }

    private final String input;
    private final ReadLimits limits;
    private final Output output;
    private final EventAssembler assembler;

    RecordStream(String input, ReadLimits limits, int openEvents, Output output) {
        this.input = input;
        this.limits = limits;
        this.output = output;
        this.assembler =
                new EventAssembler(input, limits, openEvents, output::event, output::rejected);
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
        assembler.completeAll();
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
            assembler.completeAll();
            return;
        }
        RecordHeaderParser.Result result =
                RecordHeaderParser.parse(line, lines.lineNumber(), lines.lineOffset());
        if (result instanceof RecordHeaderParser.Parsed parsed) {
            assembler.add(parsed.record());
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
