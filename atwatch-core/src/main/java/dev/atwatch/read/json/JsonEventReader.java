package dev.atwatch.read.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.atwatch.event.Event;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Windows events exported as JSON: JSON lines, concatenated or pretty-printed objects, or a
 * JSON array of them, in the shapes of NXLog/OTRF (flat), Winlogbeat/ECS ({@code winlog.*}),
 * evtx_dump ({@code Event.System}, with {@code #attributes}), Splunk search exports ({@code
 * {"result":{...}}} or {@code {"results":[...]}}) and events exported with their metadata as {@code
 * atwatch convert} writes them (taken field for field, see {@link ExportedEvents}). Windows shapes
 * are named as Splunk names XML events ({@code XmlWinEventLog:<Channel>}, the channel in its
 * canonical casing); a Splunk export keeps its own metadata. {@code _raw} is the event's JSON text.
 *
 * <p>Each value is framed at the byte level and parsed with Jackson's streaming parser under {@link
 * StreamReadConstraints} derived from {@link ReadLimits}; no tree is built. A value that is not
 * valid JSON is rejected with its line and offset and the next one is read. A value holding bytes
 * that are not UTF-8 is read with U+FFFD in their place, as Splunk indexes them, and kept with a
 * warning. Lines before the first value that open none are rejected as one range; the {@code Record
 * <id>} lines of {@code evtx_dump}'s JSON output are skipped.
 */
public final class JsonEventReader implements EventReader {

    private static final int EXCERPT_CHARS = 120;

    /** Keys whose presence near the start of a JSON input marks a Windows event or an export. */
    private static final byte[][] MARKERS = {
        bytes("\"EventID\""),
        bytes("\"Event\""),
        bytes("\"winlog\""),
        bytes("\"result\""),
        bytes("\"results\""),
        bytes("\"sourcetype\"")
    };

    @Override
    public String name() {
        return "json";
    }

    /**
     * Recognises content starting with {@code {} or {@code [} (after {@code evtx_dump}'s {@code
     * Record <id>} line, if any) that names a known key.
     */
    @Override
    public boolean recognizes(byte[] head, int length) {
        int i = 0;
        if (length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb) {
            i = 3;
        }
        i = skipWhitespace(head, i, length);
        i = skipWhitespace(head, i + EvtxDumpLines.recordLine(head, i, length, true), length);
        return i < length && (head[i] == '{' || head[i] == '[') && namesKnownKey(head, i, length);
    }

    /** The first line that opens with {@code {} or {@code [} and is followed by a known key. */
    @Override
    public int firstRecord(byte[] head, int length) {
        for (int start = 0; start < length; start = nextLine(head, start, length)) {
            int i = start;
            while (i < length && (head[i] == ' ' || head[i] == '\t')) {
                i++;
            }
            if (i < length && (head[i] == '{' || head[i] == '[')) {
                return namesKnownKey(head, i, length) ? i : -1;
            }
        }
        return -1;
    }

    private static boolean namesKnownKey(byte[] head, int from, int length) {
        for (byte[] marker : MARKERS) {
            if (indexOf(head, from, length, marker) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int skipWhitespace(byte[] head, int i, int length) {
        while (i < length
                && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int nextLine(byte[] head, int from, int length) {
        int i = from;
        while (i < length && head[i] != '\n') {
            i++;
        }
        return i + 1;
    }

    @Override
    public void read(Input input, ReadOptions options, RecordSink sink) throws IOException {
        JsonFactory factory = factory(options.limits());
        try (InputStream in = input.open()) {
            new Run(input.name(), options, sink, factory, in).readAll();
        }
    }

    /** A factory whose parsers enforce {@code limits}. */
    static JsonFactory factory(ReadLimits limits) {
        StreamReadConstraints constraints =
                StreamReadConstraints.builder()
                        .maxStringLength(limits.maxValueChars())
                        .maxNestingDepth(limits.maxNesting())
                        .maxDocumentLength(limits.maxRecordBytes())
                        .build();
        return JsonFactory.builder().streamReadConstraints(constraints).build();
    }

    /** Reading one input: frames, their parser, and the record count. */
    private static final class Run {
        private final String name;
        private final ReadOptions options;
        private final RecordSink sink;
        private final JsonFactory factory;
        private final JsonFramer framer;
        private final JsonEntries entries;
        private final RecordFilter filter;
        private final Pending pending = new Pending();
        private RecordSink out;
        private long record;
        private long previousEnd;

        Run(
                String name,
                ReadOptions options,
                RecordSink sink,
                JsonFactory factory,
                InputStream in) {
            this.name = name;
            this.options = options;
            this.sink = sink;
            this.factory = factory;
            this.framer = new JsonFramer(in, options.limits().maxRecordBytes());
            this.entries = new JsonEntries(options.limits().maxFieldsPerEvent());
            this.filter = options.filter();
            this.out = sink;
        }

        /**
         * Reads every value. Without a record filter objects are parsed in place; with one each
         * value is framed first, so that the filter sees its bytes before any parsing.
         */
        void readAll() throws IOException {
            long reported = 0;
            boolean inPlace = filter.acceptsEverything();
            while (true) {
                JsonFramer.Candidate candidate = inPlace ? framer.candidate() : null;
                if (candidate == null || !parseInPlace(candidate)) {
                    JsonFramer.Piece piece = framer.next();
                    if (piece == null) {
                        break;
                    }
                    handle(piece);
                }
                long consumed = framer.consumed();
                if (consumed - reported >= 1 << 20) {
                    sink.progress(consumed - reported);
                    reported = consumed;
                }
            }
            sink.progress(framer.consumed() - reported);
        }

        private void handle(JsonFramer.Piece piece) {
            boolean shared =
                    piece.line() == previousEnd
                            || piece.line() == framer.line()
                                    && framer.moreOnLine(framer.position());
            previousEnd = framer.line();
            if (piece instanceof JsonFramer.Piece.Value value) {
                if (filter.mayMatch(
                        RecordFilter.Encoding.JSON, value.bytes(), value.start(), value.length())) {
                    parse(value, shared);
                } else {
                    sink.prefiltered(1);
                }
            } else if (piece instanceof JsonFramer.Piece.Oversized oversized) {
                long max = options.limits().maxRecordBytes();
                reject(
                        where(piece.line(), piece.offset(), shared),
                        "limit." + ReadLimits.RECORD_BYTES,
                        ReadLimits.exceeded(ReadLimits.RECORD_BYTES, oversized.bytes(), max));
            } else if (piece instanceof JsonFramer.Piece.Broken broken) {
                reject(where(piece.line(), piece.offset(), shared), "json.malformed", broken.why());
            } else if (piece instanceof JsonFramer.Piece.Leading leading) {
                Provenance where = where(piece.line(), piece.offset(), shared);
                sink.rejected(
                        Rejected.leadingBytes(where, "json", leading.bytes(), leading.excerpt()));
            }
        }

        /**
         * The fast path: parses the object at the framer's position directly from its buffer,
         * without framing it first. Succeeds only for a complete, valid object, whose records are
         * then passed on; anything else (an object running past the buffered bytes, damage, a
         * limit) leaves no trace, and the framer then frames the value for the careful path.
         */
        private boolean parseInPlace(JsonFramer.Candidate candidate) {
            return parseInPlace(candidate, candidate.line() == previousEnd);
        }

        /**
         * The fast path with the record's line known to be {@code shared} or not. An object found
         * to share its line with the next value is parsed again, its location so marked.
         */
        private boolean parseInPlace(JsonFramer.Candidate candidate, boolean shared) {
            long before = record;
            pending.clear();
            out = pending;
            try (JsonParser parser =
                    factory.createParser(
                            candidate.bytes(), candidate.start(), candidate.length())) {
                parser.nextToken();
                Provenance where = where(candidate.line(), candidate.offset(), shared);
                root(
                        parser,
                        candidate.bytes(),
                        candidate.start(),
                        candidate.offset(),
                        candidate.line(),
                        where);
                JsonLocation end = parser.currentLocation();
                int length = (int) end.getByteOffset();
                long lines = end.getLineNr() - 1;
                if (!shared && lines == 0 && framer.moreOnLine(candidate.start() + length)) {
                    record = before;
                    return parseInPlace(candidate, true);
                }
                framer.accept(length, lines);
                previousEnd = framer.line();
                pending.flushTo(sink);
                return true;
            } catch (IOException | JsonEntries.TooManyException | RuntimeException e) {
                record = before;
                return false;
            } finally {
                out = sink;
            }
        }

        /**
         * The careful path: parses one framed value. A value that is not JSON only because some of
         * its bytes are not UTF-8 is read again with U+FFFD in their place.
         */
        private void parse(JsonFramer.Piece.Value value, boolean shared) {
            long before = record;
            Provenance where = where(value.line(), value.offset(), shared);
            Rejected problem =
                    parseInto(value.bytes(), value.start(), value.length(), value, where);
            if (problem != null
                    && problem.reason().equals("json.malformed")
                    && !Utf8Text.isValid(value.bytes(), value.start(), value.length())) {
                pending.clear();
                record = before;
                parseRepaired(value, shared);
                return;
            }
            pending.flushTo(sink);
            if (problem != null) {
                sink.rejected(problem);
            }
        }

        /**
         * Parses {@code bytes[start, start+length)}, the text of {@code value}, into the pending
         * records; returns the rejection that stopped it, or null.
         */
        private Rejected parseInto(
                byte[] bytes, int start, int length, JsonFramer.Piece value, Provenance where) {
            pending.clear();
            out = pending;
            try (JsonParser parser = factory.createParser(bytes, start, length)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return new Rejected(where, "json.unknown-shape", "an array is not an event");
                }
                root(parser, bytes, start, value.offset(), value.line(), where);
                return null;
            } catch (StreamConstraintsException e) {
                return new Rejected(where, limitReason(e), message(e));
            } catch (JsonProcessingException e) {
                return new Rejected(where, "json.malformed", message(e));
            } catch (JsonEntries.TooManyException e) {
                long max = options.limits().maxFieldsPerEvent();
                return new Rejected(
                        where,
                        "limit." + ReadLimits.FIELDS_PER_EVENT,
                        ReadLimits.exceeded(ReadLimits.FIELDS_PER_EVENT, max + 1, max));
            } catch (IOException e) {
                return new Rejected(where, "json.malformed", message(e));
            } finally {
                out = sink;
            }
        }

        /**
         * Reads a value whose bad bytes are replaced; its events carry a warning. Offsets of the
         * results of a {@code results} document that follow a replaced byte are those of the
         * repaired text.
         */
        private void parseRepaired(JsonFramer.Piece.Value value, boolean shared) {
            Utf8Text.Decoded text = Utf8Text.decode(value.bytes(), value.start(), value.length());
            byte[] repaired = text.text().getBytes(StandardCharsets.UTF_8);
            Provenance where = where(value.line(), value.offset(), shared);
            Rejected problem = parseInto(repaired, 0, repaired.length, value, where);
            boolean events = pending.holdsEvents();
            pending.flushTo(sink);
            if (problem != null) {
                sink.rejected(problem);
            } else if (events) {
                String detail =
                        Utf8Text.repairDetail(value.bytes(), value.start(), text, "the record");
                sink.warning(new Warning(where, "json.encoding", detail));
            }
        }

        /** Reads the root object; a {@code results} array is read one result at a time. */
        private void root(
                JsonParser parser,
                byte[] bytes,
                int start,
                long offset,
                long line,
                Provenance where)
                throws IOException, JsonEntries.TooManyException {
            entries.clear();
            WindowsJsonShapes.Shape shape = null;
            boolean result = false;
            boolean results = false;
            int metadata = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken token = parser.nextToken();
                if (ExportedEvents.METADATA.contains(key) && token.isScalarValue()) {
                    metadata++;
                }
                if (key.equals("results") && token == JsonToken.START_ARRAY) {
                    results(parser, bytes, start, offset, line);
                    results = true;
                    continue;
                }
                result |= key.equals("result") && token == JsonToken.START_OBJECT;
                shape = WindowsJsonShapes.byRootKey(key, token, shape);
                entries.readValue(parser, key);
            }
            if (results) {
                return;
            }
            int length = (int) parser.currentLocation().getByteOffset();
            String json = new String(bytes, start, length, StandardCharsets.UTF_8);
            if (result) {
                SplunkResults.emit(entries, "result.", json, where, options, out);
            } else if (metadata == ExportedEvents.METADATA.size()) {
                ExportedEvents.emit(entries, json, where, options, out);
            } else {
                event(shape, json, where);
            }
        }

        private void event(WindowsJsonShapes.Shape shape, String json, Provenance where) {
            if (shape == null) {
                reject(
                        where,
                        "json.unknown-shape",
                        "no EventID, Event.System, winlog or result key: not a Windows event");
                return;
            }
            WindowsEventRecord record = WindowsJsonShapes.record(shape, entries, json);
            String problem = missing(record);
            if (problem != null) {
                reject(where, "json.missing-field", problem);
                return;
            }
            out.event(WindowsEvents.toEvent(record, where, options));
        }

        private static String missing(WindowsEventRecord record) {
            String eventId = record.system().get("EventID");
            if (eventId == null || eventId.isEmpty()) {
                return "event has no EventID";
            }
            String time = record.system().get("TimeCreated.SystemTime");
            if (Double.isNaN(WindowsEvents.time(time))) {
                return "event has no usable time (SystemTime, @timestamp): " + time;
            }
            return null;
        }

        /**
         * Each element of {@code results} is a result of its own, with its own location; results on
         * the line where the document or the previous result ends (an export on one line) are
         * marked as sharing it.
         */
        private void results(JsonParser parser, byte[] bytes, int start, long offset, long line)
                throws IOException, JsonEntries.TooManyException {
            long previousLine = line;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonLocation first = parser.currentTokenLocation();
                JsonEntries result = new JsonEntries(options.limits().maxFieldsPerEvent());
                result.readObject(parser, "");
                JsonLocation last = parser.currentTokenLocation();
                long end = last.getByteOffset() + 1;
                int from = (int) first.getByteOffset();
                String json =
                        new String(bytes, start + from, (int) end - from, StandardCharsets.UTF_8);
                long startLine = line + first.getLineNr() - 1;
                Provenance where = where(startLine, offset + from, startLine == previousLine);
                previousLine = line + last.getLineNr() - 1;
                SplunkResults.emit(result, "", json, where, options, out);
            }
        }

        private Provenance where(long line, long offset, boolean shared) {
            record++;
            return new Provenance(name, record, line, offset, shared);
        }

        private void reject(Provenance where, String reason, String detail) {
            out.rejected(new Rejected(where, reason, detail));
        }
    }

    /** Records held back until a parse is known to have succeeded. */
    private static final class Pending implements RecordSink {
        private final List<Object> records = new ArrayList<>();

        @Override
        public void event(Event event) {
            records.add(event);
        }

        @Override
        public void rejected(Rejected rejected) {
            records.add(rejected);
        }

        @Override
        public void warning(Warning warning) {
            records.add(warning);
        }

        void clear() {
            records.clear();
        }

        boolean holdsEvents() {
            return records.stream().anyMatch(Event.class::isInstance);
        }

        void flushTo(RecordSink sink) {
            for (Object record : records) {
                if (record instanceof Event event) {
                    sink.event(event);
                } else if (record instanceof Warning warning) {
                    sink.warning(warning);
                } else {
                    sink.rejected((Rejected) record);
                }
            }
            records.clear();
        }
    }

    private static String limitReason(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("String value length")) {
            return "limit." + ReadLimits.VALUE_CHARS;
        }
        if (message.contains("nesting depth")) {
            return "limit." + ReadLimits.NESTING;
        }
        if (message.contains("Document length")) {
            return "limit." + ReadLimits.RECORD_BYTES;
        }
        return "json.limit";
    }

    private static String message(IOException e) {
        String message =
                e instanceof JsonProcessingException processing
                        ? processing.getOriginalMessage()
                        : e.getMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        message = message.strip();
        return message.length() > EXCERPT_CHARS
                ? message.substring(0, EXCERPT_CHARS) + "..."
                : message;
    }

    private static int indexOf(byte[] head, int from, int length, byte[] marker) {
        outer:
        for (int i = from; i + marker.length <= length; i++) {
            for (int k = 0; k < marker.length; k++) {
                if (head[i + k] != marker[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
