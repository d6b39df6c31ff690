package dev.atwatch.read.winclassic;

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
 * LogName} or {@code EventCode} is missing) is rejected with the line it starts on. Lines before
 * the first event are rejected as one stray run.
 */
public final class WinClassicReader implements EventReader {

    private static final int SNIFF_LINES = 8;

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
        for (int i = first + 1; i < Math.min(lines.length, first + SNIFF_LINES); i++) {
            if (lines[i].startsWith("LogName=") || lines[i].startsWith("EventCode=")) {
                return true;
            }
        }
        return false;
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
        private boolean badEncoding;
        private long longestLine;
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
            finishStray();
            finishEvent(true);
            sink.progress(lines.consumed() - reported);
        }

        private void accept(LineScanner.Line line) {
            if (line.tooLong()) {
                tooLong(line);
                return;
            }
            if (line.text() != null && ClassicEventParser.isTimestampLine(line.text())) {
                finishStray();
                finishEvent(false);
                startEvent(line);
            } else if (start != null) {
                addLine(line);
            } else if (line.text() == null || !line.text().isBlank()) {
                stray = stray == null ? line : stray;
            }
        }

        private void tooLong(LineScanner.Line line) {
            if (start != null) {
                bytes += line.bytes();
                longestLine = Math.max(longestLine, line.bytes());
                return;
            }
            finishStray();
            long max = options.limits().maxLineBytes();
            sink.rejected(
                    new Rejected(
                            where(line),
                            "limit." + ReadLimits.LINE_BYTES,
                            ReadLimits.exceeded(ReadLimits.LINE_BYTES, line.bytes(), max)));
        }

        private void startEvent(LineScanner.Line line) {
            start = line;
            texts.clear();
            raw.setLength(0);
            bytes = 0;
            badEncoding = false;
            longestLine = 0;
            addLine(line);
        }

        private void addLine(LineScanner.Line line) {
            bytes += line.bytes();
            if (line.text() == null) {
                badEncoding = true;
                return;
            }
            if (bytes <= options.limits().maxRecordBytes()) {
                texts.add(line.text());
                raw.append(line.text()).append(line.terminator());
            }
        }

        private void finishEvent(boolean atEnd) {
            if (start == null) {
                return;
            }
            Provenance where = where(start);
            start = null;
            long max = options.limits().maxRecordBytes();
            if (longestLine > 0) {
                long maxLine = options.limits().maxLineBytes();
                sink.rejected(
                        new Rejected(
                                where,
                                "limit." + ReadLimits.LINE_BYTES,
                                ReadLimits.exceeded(ReadLimits.LINE_BYTES, longestLine, maxLine)));
            } else if (bytes > max) {
                sink.rejected(
                        new Rejected(
                                where,
                                "limit." + ReadLimits.RECORD_BYTES,
                                ReadLimits.exceeded(ReadLimits.RECORD_BYTES, bytes, max)));
            } else if (badEncoding) {
                sink.rejected(
                        new Rejected(
                                where,
                                "classic.encoding",
                                "event holds a line that is not valid UTF-8"));
            } else {
                ClassicEventParser.Outcome outcome =
                        parser.parse(texts, raw.toString().strip(), where);
                if (outcome.rejected() != null && atEnd) {
                    Rejected rejected = outcome.rejected();
                    outcome =
                            new ClassicEventParser.Outcome(
                                    null,
                                    new Rejected(
                                            rejected.where(),
                                            rejected.reason(),
                                            rejected.detail() + " (input ends inside the event)"));
                }
                emit(outcome, sink);
            }
        }

        private void finishStray() {
            if (stray == null) {
                return;
            }
            String excerpt = stray.text() == null ? "(not UTF-8)" : stray.text().strip();
            if (excerpt.length() > 60) {
                excerpt = excerpt.substring(0, 60) + "...";
            }
            sink.rejected(
                    new Rejected(
                            where(stray),
                            "classic.stray-lines",
                            "lines outside any event, from: '" + excerpt + "'"));
            stray = null;
        }

        private Provenance where(LineScanner.Line line) {
            record++;
            return new Provenance(name, record, line.number(), line.offset());
        }
    }
}
