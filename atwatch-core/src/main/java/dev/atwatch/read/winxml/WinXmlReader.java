package dev.atwatch.read.winxml;

import dev.atwatch.event.Provenance;
import dev.atwatch.read.EventReader;
import dev.atwatch.read.EvtxDumpLines;
import dev.atwatch.read.Input;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordFilter;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Utf8Text;
import dev.atwatch.read.Warning;
import dev.atwatch.read.windows.WindowsEventRecord;
import dev.atwatch.read.windows.WindowsEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads Windows event XML: one {@code <Event>} per line as Splunk stores it, a stream of events
 * (pretty-printed over many lines or not, with a namespace or a prefix), and {@code <Events>}
 * documents as {@code wevtutil} and python-evtx write them. Events are named as Splunk's {@code
 * XmlWinEventLog} extractions name them (see {@link WindowsEvents}). Also reads the {@code <event>}
 * elements of the XML {@code atwatch convert} writes, back into the events they were written from
 * (see {@link ExportedEventParser}).
 *
 * <p>The input is streamed: only the current event is held, up to {@link
 * ReadLimits#maxRecordBytes()}. A malformed event is rejected and reading resumes at the next
 * {@code <Event}. A document type declaration is rejected and never read, so no entity it declares
 * is ever expanded. Bytes that are not UTF-8 are read as U+FFFD, as Splunk indexes them, and the
 * event is kept with a warning. What stands before the first event (a line of something else, the
 * end of an event cut off) is rejected as one range, and the events after it are read. The {@code
 * Record <id>} lines of {@code evtx_dump}'s output are skipped.
 */
public final class WinXmlReader implements EventReader {

    @Override
    public String name() {
        return "winxml";
    }

    /**
     * Recognises content that starts with markup (after {@code evtx_dump}'s {@code Record <id>}
     * line, if any) and holds an {@code <Event} (or an exported {@code <event}) start tag.
     */
    @Override
    public boolean recognizes(byte[] head, int length) {
        int start = skipBomAndWhitespace(head, length);
        start += EvtxDumpLines.recordLine(head, start, length, true);
        if (start >= length || head[start] != '<') {
            return false;
        }
        return indexOfEvent(head, start, length) >= 0;
    }

    /**
     * The first {@code <Event} start tag that opens a line or follows a tag: a record of an input
     * whose first line is something else or that was cut inside an event.
     */
    @Override
    public int firstRecord(byte[] head, int length) {
        for (int i = indexOfEvent(head, 0, length); i >= 0; i = indexOfEvent(head, i + 1, length)) {
            int tag = head[i] == '<' ? i : startOfPrefixedName(head, i);
            if (tag >= 0 && opensLineOrFollowsTag(head, tag)) {
                return tag;
            }
        }
        return -1;
    }

    /** The {@code <} of the prefixed name whose {@code :} is at {@code colon}, or -1. */
    private static int startOfPrefixedName(byte[] head, int colon) {
        int i = colon - 1;
        while (i >= 0 && head[i] != '<' && isNameStartByte(head[i])) {
            i--;
        }
        return i >= 0 && head[i] == '<' && i < colon - 1 ? i : -1;
    }

    private static boolean isNameStartByte(byte b) {
        return b < 0 || Character.isLetterOrDigit(b) || b == '_' || b == '-' || b == '.';
    }

    private static boolean opensLineOrFollowsTag(byte[] head, int at) {
        for (int i = at - 1; i >= 0; i--) {
            byte b = head[i];
            if (b == '\n' || b == '>') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void read(Input input, ReadOptions options, RecordSink sink) throws IOException {
        Parsers parser = new Parsers(options.limits());
        try (InputStream in = input.open()) {
            EventScanner scanner = new EventScanner(in, options.limits().maxRecordBytes());
            long record = 0;
            long reported = 0;
            long previousEnd = 0;
            for (EventScanner.Piece piece = scanner.next(); piece != null; piece = scanner.next()) {
                record++;
                boolean shared =
                        piece.line() == previousEnd
                                || piece.line() == scanner.line() && scanner.moreOnLine();
                previousEnd = scanner.line();
                Provenance where =
                        new Provenance(input.name(), record, piece.line(), piece.offset(), shared);
                emit(piece, where, parser, options, sink);
                long consumed = scanner.consumed();
                sink.progress(consumed - reported);
                reported = consumed;
            }
            sink.progress(scanner.consumed() - reported);
        }
    }

    /**
     * Reads the single event in {@code xml} (as found in a Splunk export's {@code _raw}) and passes
     * the event or its rejection to {@code sink}.
     */
    public static void readEvent(
            String xml, Provenance where, ReadOptions options, RecordSink sink) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        Parsers parser = new Parsers(options.limits());
        if (bytes.length > options.limits().maxRecordBytes()) {
            sink.rejected(oversized(where, bytes.length, options.limits()));
            return;
        }
        parseAndEmit(bytes, bytes.length, where, parser, options, sink);
    }

    private static void emit(
            EventScanner.Piece piece,
            Provenance where,
            Parsers parser,
            ReadOptions options,
            RecordSink sink) {
        if (piece instanceof EventScanner.Piece.Element element) {
            RecordFilter filter = options.filter();
            if (!filter.mayMatch(RecordFilter.Encoding.XML, element.bytes(), 0, element.length())) {
                sink.prefiltered(1);
                return;
            }
            parseAndEmit(element.bytes(), element.length(), where, parser, options, sink);
        } else if (piece instanceof EventScanner.Piece.Oversized oversized) {
            sink.rejected(oversized(where, oversized.bytes(), options.limits()));
        } else if (piece instanceof EventScanner.Piece.Unterminated cut) {
            String detail =
                    cut.atEnd()
                            ? "event not closed before the end of the input"
                            : "event not closed before the next <Event>";
            sink.rejected(new Rejected(where, "xml.unterminated", detail));
        } else if (piece instanceof EventScanner.Piece.Doctype) {
            sink.rejected(
                    new Rejected(
                            where,
                            "xml.doctype",
                            "document type declaration refused; its entities are not expanded"));
        } else if (piece instanceof EventScanner.Piece.Stray stray) {
            sink.rejected(
                    new Rejected(
                            where,
                            "xml.stray-content",
                            "content outside any <Event>: '" + stray.excerpt() + "'"));
        } else if (piece instanceof EventScanner.Piece.Leading leading) {
            sink.rejected(Rejected.leadingBytes(where, "xml", leading.bytes(), leading.excerpt()));
        }
    }

    private static void parseAndEmit(
            byte[] bytes,
            int length,
            Provenance where,
            Parsers parser,
            ReadOptions options,
            RecordSink sink) {
        try {
            Utf8Text.Decoded raw = Utf8Text.decode(bytes, 0, length);
            if (isExported(bytes, length)) {
                sink.event(parser.exported.parse(raw.text(), where, options));
                warnIfRepaired(bytes, raw, where, sink);
                return;
            }
            WindowsEventRecord record = parser.windows.parse(raw.text());
            String systemTime = record.system().get("TimeCreated.SystemTime");
            if (Double.isNaN(WindowsEvents.time(systemTime))) {
                sink.rejected(
                        new Rejected(
                                where,
                                "xml.missing-field",
                                "TimeCreated/@SystemTime missing or not a time: " + systemTime));
                return;
            }
            sink.event(WindowsEvents.toEvent(record, where, options));
            warnIfRepaired(bytes, raw, where, sink);
        } catch (RecordException e) {
            sink.rejected(new Rejected(where, e.reason(), e.getMessage()));
        }
    }

    private static void warnIfRepaired(
            byte[] bytes, Utf8Text.Decoded raw, Provenance where, RecordSink sink) {
        if (raw.repaired()) {
            String detail = Utf8Text.repairDetail(bytes, 0, raw, "the event");
            sink.warning(new Warning(where, "xml.encoding", detail));
        }
    }

    /** The parsers of one read: of Windows event XML, and of atwatch's exported events. */
    private static final class Parsers {
        final EventXmlParser windows;
        final ExportedEventParser exported;

        Parsers(ReadLimits limits) {
            this.windows = new EventXmlParser(limits);
            this.exported = new ExportedEventParser(limits);
        }
    }

    /** Whether the element is an unprefixed {@code <event>}, as atwatch convert writes events. */
    private static boolean isExported(byte[] bytes, int length) {
        return length > 6
                && bytes[0] == '<'
                && bytes[1] == 'e'
                && bytes[2] == 'v'
                && bytes[3] == 'e'
                && bytes[4] == 'n'
                && bytes[5] == 't'
                && isDelimiter(bytes[6]);
    }

    private static Rejected oversized(Provenance where, long bytes, ReadLimits limits) {
        return new Rejected(
                where,
                "limit." + ReadLimits.RECORD_BYTES,
                ReadLimits.exceeded(ReadLimits.RECORD_BYTES, bytes, limits.maxRecordBytes()));
    }

    private static int skipBomAndWhitespace(byte[] head, int length) {
        int i = 0;
        if (length >= 3
                && (head[0] & 0xff) == 0xef
                && (head[1] & 0xff) == 0xbb
                && (head[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < length
                && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i;
    }

    /**
     * The index of {@code <Event} or {@code :Event}, or of an unprefixed {@code <event}, followed
     * by a delimiter; or -1.
     */
    private static int indexOfEvent(byte[] head, int from, int length) {
        for (int i = from; i + 6 < length; i++) {
            boolean windows = (head[i] == '<' || head[i] == ':') && head[i + 1] == 'E';
            boolean exported = head[i] == '<' && head[i + 1] == 'e';
            if ((windows || exported)
                    && head[i + 2] == 'v'
                    && head[i + 3] == 'e'
                    && head[i + 4] == 'n'
                    && head[i + 5] == 't'
                    && isDelimiter(head[i + 6])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDelimiter(byte b) {
        return b == ' ' || b == '>' || b == '/' || b == '\t' || b == '\r' || b == '\n';
    }
}
