package dev.atwatch.read.syslog;

import dev.atwatch.event.Event;
import dev.atwatch.event.Provenance;
import dev.atwatch.read.EventReader;
import dev.atwatch.read.Input;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.RecordSink;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.auditd.LineSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * Reads syslog files line by line: RFC 3164 (as in {@code /var/log/auth.log}, {@code secure},
 * {@code syslog}, {@code messages}), rsyslog's ISO-timestamp form, RFC 5424, and {@code journalctl
 * -o json} output. Each line may be in any of these shapes.
 *
 * <p>Each line gives one event with {@code process}, {@code pid}, {@code message} and the fields of
 * {@link MessageFields}; journal entries keep their own fields too ({@code _COMM}, {@code _EXE},
 * {@code _CMDLINE}, ...). The sourcetype is {@code linux_secure} for an input named like the secure
 * log ({@code auth.log}, {@code secure}) and for lines of sudo, su, sshd and PAM, else {@code
 * syslog}; the index is {@code linux} unless {@link ReadOptions#index()} is set; {@code host} is
 * {@link ReadOptions#host()} or the host the line names. RFC 3164 times are read as UTC, in the
 * year {@link YearInference} infers from the file's modification time.
 *
 * <p>A line in none of the shapes, a journal line that is not a JSON object, and a line longer than
 * {@link ReadLimits#maxLineBytes()} are rejected with their line and offset.
 */
public final class SyslogReader implements EventReader {

    public static final String NAME = "syslog";
    public static final String SECURE = "linux_secure";
    public static final String SYSLOG = "syslog";

    static final String UNPARSED = "syslog.unparsed";
    static final String BAD_JSON = "syslog.bad-json";

    private final Clock clock;

    public SyslogReader() {
        this(Clock.systemUTC());
    }

    /** A reader that takes the current year, for a stream's RFC 3164 lines, from {@code clock}. */
    public SyslogReader(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** True when the first non-empty line of {@code head} is a syslog line or a journal entry. */
    @Override
    public boolean recognizes(byte[] head, int length) {
        String text = new String(head, 0, Math.min(length, head.length), StandardCharsets.UTF_8);
        for (String line : text.split("\n", 8)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                return trimmed.startsWith("{")
                        ? trimmed.contains("\"__REALTIME_TIMESTAMP\"")
                        : isSyslogLine(trimmed);
            }
        }
        return false;
    }

    private static boolean isSyslogLine(String line) {
        SyslogLine parsed = SyslogHeaderParser.parse(line, new YearInference(2000, 12));
        return parsed != null && parsed.process() != null;
    }

    @Override
    public void read(Input input, ReadOptions options, RecordSink sink) throws IOException {
        YearInference years = years(input);
        boolean secureFile = isSecureLogName(input.name());
        try (InputStream in = input.open()) {
            LineSource lines = new LineSource(in, options.limits().maxLineBytes());
            Run run = new Run(input.name(), options, sink, years, secureFile);
            for (String line = lines.next(); line != null; line = lines.next()) {
                run.line(line, lines);
            }
            sink.progress(lines.position());
        }
    }

    private YearInference years(Input input) {
        Instant reference = clock.instant();
        if (input.path().isPresent()) {
            try {
                reference = Files.getLastModifiedTime(input.path().get()).toInstant();
            } catch (IOException e) {
                // the current year is the best remaining guess
            }
        }
        ZonedDateTime when = reference.atZone(ZoneOffset.UTC);
        return new YearInference(when.getYear(), when.getMonthValue());
    }

    static boolean isSecureLogName(String name) {
        String file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String lower = file.toLowerCase(Locale.ROOT);
        return lower.startsWith("auth.log")
                || lower.equals("secure")
                || lower.startsWith("secure-")
                || lower.startsWith("secure.");
    }

    /** The state of reading one input. */
    private static final class Run {
        private final String input;
        private final ReadOptions options;
        private final RecordSink sink;
        private final YearInference years;
        private final boolean secureFile;
        private long events;

        Run(
                String input,
                ReadOptions options,
                RecordSink sink,
                YearInference years,
                boolean secure) {
            this.input = input;
            this.options = options;
            this.sink = sink;
            this.years = years;
            this.secureFile = secure;
        }

        void line(String line, LineSource lines) {
            Provenance where =
                    new Provenance(
                            input, lines.lineNumber(), lines.lineNumber(), lines.lineOffset());
            if (lines.overlong() > 0) {
                long limit = options.limits().maxLineBytes();
                sink.rejected(
                        new Rejected(
                                where,
                                "limit." + ReadLimits.LINE_BYTES,
                                ReadLimits.exceeded(
                                        ReadLimits.LINE_BYTES, lines.overlong(), limit)));
                return;
            }
            if (line.isBlank()) {
                return;
            }
            if (line.startsWith("{")) {
                journal(line, where);
                return;
            }
            SyslogLine parsed = SyslogHeaderParser.parse(line, years);
            if (parsed == null) {
                sink.rejected(
                        new Rejected(
                                where,
                                UNPARSED,
                                "not an RFC 3164, RFC 5424 or ISO-timestamp syslog line: "
                                        + excerpt(line)));
                return;
            }
            emit(parsed, line, where, null);
        }

        private void journal(String line, Provenance where) {
            Map<String, String> entry;
            try {
                entry = JournalEntry.parse(line, options.limits().maxFieldsPerEvent());
            } catch (IOException e) {
                sink.rejected(
                        new Rejected(
                                where,
                                BAD_JSON,
                                "not a journal entry (" + e.getMessage() + "): " + excerpt(line)));
                return;
            }
            String micros = entry.get("__REALTIME_TIMESTAMP");
            double time = micros == null ? Double.NaN : parseMicros(micros);
            String process = entry.getOrDefault("SYSLOG_IDENTIFIER", entry.get("_COMM"));
            String pid = entry.getOrDefault("_PID", entry.get("SYSLOG_PID"));
            SyslogLine parsed =
                    new SyslogLine(
                            time, entry.get("_HOSTNAME"), process, pid, entry.get("MESSAGE"));
            emit(parsed, line, where, entry);
        }

        private void emit(
                SyslogLine line, String raw, Provenance where, Map<String, String> extra) {
            Event.Builder event =
                    Event.builder(new Provenance(input, ++events, where.line(), where.offset()));
            if (!Double.isNaN(line.time())) {
                event.time(line.time());
            }
            event.put(Event.HOST, options.host() != null ? options.host() : line.host());
            event.put(Event.SOURCE, input);
            boolean secure = secureFile || MessageFields.isSecure(line.process(), line.message());
            event.put(Event.SOURCETYPE, secure ? SECURE : SYSLOG);
            event.put(Event.INDEX, options.indexOr(ReadOptions.LINUX_INDEX));
            event.put(Event.RAW, raw);
            event.put("process", line.process());
            event.put("pid", line.pid());
            event.put("message", line.message());
            if (extra != null) {
                extra.forEach(event::put);
            }
            MessageFields.extract(line.process(), line.message(), event);
            sink.event(event.build());
        }
    }

    private static double parseMicros(String micros) {
        try {
            return Long.parseLong(micros) / 1e6;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String excerpt(String line) {
        return line.length() <= 60 ? "'" + line + "'" : "'" + line.substring(0, 57) + "...'";
    }
}
