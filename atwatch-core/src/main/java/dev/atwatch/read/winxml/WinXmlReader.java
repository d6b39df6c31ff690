package dev.atwatch.read.winxml;

import dev.atwatch.event.Provenance;
import dev.atwatch.read.EventReader;
import dev.atwatch.read.Input;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordFilter;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.windows.WindowsEventRecord;
import dev.atwatch.read.windows.WindowsEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
 * is ever expanded.
 */
public final class WinXmlReader implements EventReader {

    @Override
    public String name() {
        return "winxml";
    }

    /**
     * Recognises content that starts with markup and holds an {@code <Event} (or an exported {@code
     * <event}) start tag.
     */
    @Override
    public boolean recognizes(byte[] head, int length) {
        int start = skipBomAndWhitespace(head, length);
        if (start >= length || head[start] != '<') {
            return false;
        }
        return indexOfEvent(head, start, length) >= 0;
    }

    @Override
    public void read(Input input, ReadOptions options, RecordSink sink) throws IOException {
        Parsers parser = new Parsers(options.limits());
        try (InputStream in = input.open()) {
            EventScanner scanner = new EventScanner(in, options.limits().maxRecordBytes());
            long record = 0;
            long reported = 0;
            for (EventScanner.Piece piece = scanner.next(); piece != null; piece = scanner.next()) {
                record++;
                Provenance where =
                        new Provenance(input.name(), record, piece.line(), piece.offset());
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
            String raw = decode(bytes, length);
            if (isExported(bytes, length)) {
                sink.event(parser.exported.parse(raw, where, options));
                return;
            }
            WindowsEventRecord record = parser.windows.parse(raw);
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
        } catch (RecordException e) {
            sink.rejected(new Rejected(where, e.reason(), e.getMessage()));
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

    /** Decodes UTF-8 strictly: a malformed byte sequence rejects the event. */
    private static String decode(byte[] bytes, int length) throws RecordException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RecordException(
                    "xml.encoding", "event is not valid UTF-8: " + e.getMessage());
        }
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
