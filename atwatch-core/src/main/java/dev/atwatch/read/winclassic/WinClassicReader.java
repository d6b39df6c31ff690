package dev.atwatch.read.winclassic;

import dev.atwatch.event.Provenance;
import dev.atwatch.read.EventReader;
import dev.atwatch.read.Input;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.Warning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Splunk's classic WinEventLog text: events of many lines, each opening with a timestamp line
 * such as {@code 10/01/2021 05:30:39 PM}, then {@code Key=Value} header lines ({@code LogName},
 * {@code EventCode}, {@code ComputerName}, ...) and {@code Message=} with the message body. Lines
 * may end in {@code \r\n} or {@code \n}. Events are named as Splunk's {@code WinEventLog:<LogName>}
 * sourcetypes name them; the timestamp is taken as UTC.
 *
 * <p>An event whose header is incomplete (the input ends before {@code Message=}, or {@code
 * LogName} or {@code EventCode} is missing) is rejected with the line it starts on; an event with a
 * line over a limit, with the offending line. Bytes that are not UTF-8 are read as U+FFFD, as
 * Splunk indexes them, and the event is kept with a warning that points at the line. Lines before
 * the first event (a line of something else, the end of an event cut off) are rejected as one
 * range.
 */
public final class WinClassicReader implements EventReader {

    private static final int SNIFF_LINES = 8;

    /** Longest timestamp line, in bytes, with trailing spaces and a carriage return. */
    private static final int TIMESTAMP_LINE_BYTES = 42;

    @Override
    public String name() {
        return "winclassic";
    }

    /** Recognises a timestamp line as the first non-blank line, followed by a header line. */
    @Override
    public boolean recognizes(byte[] head, int length) {
        String text = new String(head, 0, length, StandardCharsets.UTF_8);
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", SNIFF_LINES + 1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first + 1 >= lines.length || !ClassicEventParser.isTimestampLine(lines[first])) {
            return false;
        }
        return headerFollows(List.of(lines).subList(first + 1, lines.length));
    }

    /** The first timestamp line followed by a header line, wherever it is in {@code head}. */
    @Override
    public int firstRecord(byte[] head, int length) {
        for (int start = 0; start < length; start = lineEnd(head, start, length) + 1) {
            int end = lineEnd(head, start, length);
            if (end - start <= TIMESTAMP_LINE_BYTES
                    && ClassicEventParser.isTimestampLine(text(head, start, end))
                    && headerFollows(linesAfter(head, end + 1, length))) {
                return start;
            }
        }
        return -1;
    }

    private static boolean headerFollows(List<String> lines) {
        for (String line : lines.subList(0, Math.min(lines.size(), SNIFF_LINES - 1))) {
            if (line.startsWith("LogName=") || line.startsWith("EventCode=")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> linesAfter(byte[] head, int from, int length) {
        List<String> lines = new ArrayList<>();
        for (int start = from; start < length && lines.size() < SNIFF_LINES; ) {
            int end = lineEnd(head, start, length);
            lines.add(text(head, start, end));
            start = end + 1;
        }
        return lines;
    }

    private static int lineEnd(byte[] head, int from, int length) {
        int i = from;
        while (i < length && head[i] != '\n') {
            i++;
        }
        return i;
    }

    private static String text(byte[] head, int from, int end) {
        int stop = end > from && head[end - 1] == '\r' ? end - 1 : end;
        return new String(head, from, stop - from, StandardCharsets.UTF_8);
    }

    @Override
    public void read(Input input, ReadOptions options, RecordSink sink) throws IOException {
        try (InputStream in = input.open()) {
            new Run(
                            input.name(),
                            options,
                            sink,
                            new LineScanner(in, options.limits().maxLineBytes()))
                    .readAll();
        }
    }

    /**
     * Parses {@code text}, one classic event as found in a Splunk export's {@code _raw}, and passes
     * the event or its rejection to {@code sink}.
     */
    public static void readEvent(
            String text, Provenance where, ReadOptions options, RecordSink sink) {
        List<String> lines = List.of(text.strip().split("\r?\n", -1));
        if (lines.isEmpty() || !ClassicEventParser.isTimestampLine(lines.get(0))) {
            sink.rejected(
                    new Rejected(where, "classic.truncated", "no timestamp line opens the event"));
            return;
        }
        ClassicEventParser.Outcome outcome =
                new ClassicEventParser(options).parse(lines, text.strip(), where);
        emit(outcome, sink);
    }

    /** Whether {@code text} opens with a classic event's timestamp line. */
    public static boolean looksLikeEvent(String text) {
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).strip();
        return ClassicEventParser.isTimestampLine(first);
    }

    private static void emit(ClassicEventParser.Outcome outcome, RecordSink sink) {
        if (outcome.event() != null) {
            sink.event(outcome.event());
        } else {
            sink.rejected(outcome.rejected());
        }
    }

    /** The state of reading one input: the event being gathered and the record count. */
    private static final class Run {
        private final String name;
        private final ReadOptions options;
        private final RecordSink sink;
        private final LineScanner lines;
        private final ClassicEventParser parser;
        private final List<String> texts = new ArrayList<>();
        private final StringBuilder raw = new StringBuilder();
        private LineScanner.Line start;
        private long bytes;
        private LineScanner.Line badLine;
        private LineScanner.Line longLine;
        private LineScanner.Line recordLimitLine;
        private LineScanner.Line stray;
        private long record;
        private long reported;

        Run(String name, ReadOptions options, RecordSink sink, LineScanner lines) {
            this.name = name;
            this.options = options;
            this.sink = sink;
            this.lines = lines;
            this.parser = new ClassicEventParser(options);
        }

        void readAll() throws IOException {
            for (LineScanner.Line line = lines.next(); line != null; line = lines.next()) {
                accept(line);
                long consumed = lines.consumed();
                if (consumed - reported >= 1 << 20) {
                    sink.progress(consumed - reported);
                    reported = consumed;
                }
            }
            finishStray(lines.consumed());
            finishEvent(true);
            sink.progress(lines.consumed() - reported);
        }

        private void accept(LineScanner.Line line) {
            if (line.tooLong()) {
                tooLong(line);
                return;
            }
            if (ClassicEventParser.isTimestampLine(line.text())) {
                finishStray(line.offset());
                finishEvent(false);
                startEvent(line);
            } else if (start != null) {
                addLine(line);
            } else if (!line.text().isBlank()) {
                stray = stray == null ? line : stray;
            }
        }

        private void tooLong(LineScanner.Line line) {
            if (start != null) {
                bytes += line.bytes();
                longLine = longLine == null ? line : longLine;
                return;
            }
            finishStray(line.offset());
            long max = options.limits().maxLineBytes();
            sink.rejected(
                    new Rejected(
                            new Provenance(name, ++record, line.number(), line.offset()),
                            "limit." + ReadLimits.LINE_BYTES,
                            ReadLimits.exceeded(ReadLimits.LINE_BYTES, line.bytes(), max)));
        }

        private void startEvent(LineScanner.Line line) {
            start = line;
            texts.clear();
            raw.setLength(0);
            bytes = 0;
            badLine = null;
            longLine = null;
            recordLimitLine = null;
            addLine(line);
        }

        private void addLine(LineScanner.Line line) {
            bytes += line.bytes();
            if (line.badEncoding() && badLine == null) {
                badLine = line;
            }
            if (bytes <= options.limits().maxRecordBytes()) {
                texts.add(line.text());
                raw.append(line.text()).append(line.terminator());
            } else if (recordLimitLine == null) {
                recordLimitLine = line;
            }
        }

        /**
         * Parses the gathered event, or rejects it at the line that broke a limit; a line with
         * bytes that are not UTF-8 gives the event a warning that points at that byte.
         */
        private void finishEvent(boolean atEnd) {
            if (start == null) {
                return;
            }
            long number = ++record;
            Provenance where = at(number, start, 0);
            start = null;
            Rejected limit = limitRejection(number);
            if (limit != null) {
                sink.rejected(limit);
                return;
            }
            ClassicEventParser.Outcome outcome = parser.parse(texts, raw.toString().strip(), where);
            emit(atEnd ? endedInside(outcome) : outcome, sink);
            if (outcome.event() != null && badLine != null) {
                String detail =
                        "line "
                                + badLine.number()
                                + " is not valid UTF-8 from byte "
                                + badLine.malformedAt()
                                + ", read as U+FFFD";
                Provenance bad = at(number, badLine, badLine.malformedAt());
                sink.warning(new Warning(bad, "classic.encoding", detail));
            }
        }

        /** The rejection of event {@code number} for a limit, at the offending line, or null. */
        private Rejected limitRejection(long number) {
            if (longLine != null) {
                long max = options.limits().maxLineBytes();
                return new Rejected(
                        at(number, longLine, 0),
                        "limit." + ReadLimits.LINE_BYTES,
                        ReadLimits.exceeded(ReadLimits.LINE_BYTES, longLine.bytes(), max));
            }
            if (recordLimitLine != null) {
                long max = options.limits().maxRecordBytes();
                return new Rejected(
                        at(number, recordLimitLine, 0),
                        "limit." + ReadLimits.RECORD_BYTES,
                        ReadLimits.exceeded(ReadLimits.RECORD_BYTES, bytes, max));
            }
            return null;
        }

        /** A rejection of the last event says that the input ends inside it. */
        private static ClassicEventParser.Outcome endedInside(ClassicEventParser.Outcome outcome) {
            Rejected rejected = outcome.rejected();
            if (rejected == null) {
                return outcome;
            }
            return new ClassicEventParser.Outcome(
                    null,
                    new Rejected(
                            rejected.where(),
                            rejected.reason(),
                            rejected.detail() + " (input ends inside the event)"));
        }

        /** Rejects the lines before the first event, up to {@code end}, as one range. */
        private void finishStray(long end) {
            if (stray == null) {
                return;
            }
            Provenance where = new Provenance(name, ++record, stray.number(), stray.offset());
            sink.rejected(
                    Rejected.leadingBytes(
                            where, "classic", end - stray.offset(), stray.text().strip()));
            stray = null;
        }

        /** The location of {@code line} of event {@code number}, {@code column} bytes in. */
        private Provenance at(long number, LineScanner.Line line, int column) {
            return new Provenance(name, number, line.number(), line.offset() + column);
        }
    }
}
