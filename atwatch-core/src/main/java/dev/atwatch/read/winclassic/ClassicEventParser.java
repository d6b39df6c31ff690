package dev.atwatch.read.winclassic;

import dev.atwatch.event.Event;
import dev.atwatch.event.Provenance;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Rejected;
import dev.atwatch.read.windows.WindowsEvents;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the lines of one classic WinEventLog event, as Splunk's Windows add-on writes it, into an
 * {@link Event}: the timestamp line, the {@code Key=Value} header lines up to {@code Message=}, and
 * the message body, whose {@code Label:<tab>value} lines become fields named with underscores
 * ({@code New Process Name} gives {@code New_Process_Name}), a label met twice, or followed by
 * indented lines of further values, giving a multivalue field. Sysmon's {@code Label: value} lines
 * become fields named as in the event XML ({@code Image}, {@code CommandLine}).
 */
final class ClassicEventParser {

    /** {@code 10/01/2021 05:30:39 PM}, optionally with milliseconds before the AM/PM marker. */
    private static final Pattern TIMESTAMP_LINE =
            Pattern.compile("\\d{2}/\\d{2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2}(\\.\\d{1,9})? [AP]M\\s*");

    private static final DateTimeFormatter TIMESTAMP =
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("MM/dd/uuuu h:mm:ss")
                    .optionalStart()
                    .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
                    .optionalEnd()
                    .appendPattern(" a")
                    .toFormatter(Locale.ROOT);

    private static final String MESSAGE = "Message";

    private static final String SYSMON_CHANNEL = "Microsoft-Windows-Sysmon/Operational";

    private final ReadOptions options;
    private final ReadLimits limits;

    ClassicEventParser(ReadOptions options) {
        this.options = options;
        this.limits = options.limits();
    }

    /** Whether {@code line} opens an event. Cheap checks come first: most lines are not. */
    static boolean isTimestampLine(String line) {
        return line.length() >= 22
                && line.length() <= 40
                && line.charAt(2) == '/'
                && Character.isDigit(line.charAt(0))
                && TIMESTAMP_LINE.matcher(line).matches();
    }

    /** The outcome of parsing one event: exactly one of the two is set. */
    record Outcome(Event event, Rejected rejected) {}

    /**
     * Parses one event.
     *
     * @param lines the event's lines without terminators, the first being its timestamp line
     * @param raw the event's text, used as {@code _raw}
     */
    Outcome parse(List<String> lines, String raw, Provenance where) {
        double time = time(lines.get(0));
        if (Double.isNaN(time)) {
            return rejected(where, "classic.bad-time", "not a date: '" + lines.get(0) + "'");
        }
        Event.Builder event = Event.builder(where);
        event.time(time);
        event.put(Event.RAW, raw);
        Map<String, Integer> counts = new HashMap<>();
        int message = header(lines, event, counts);
        if (message < 0) {
            return rejected(where, "classic.truncated", "no Message= line after the header");
        }
        for (String required : List.of("LogName", "EventCode")) {
            if (event.get(required) == null) {
                return rejected(where, "classic.truncated", "header has no " + required + "=");
            }
        }
        String problem = body(lines, message, event, counts);
        if (problem != null) {
            return rejected(where, "limit." + problem.substring(0, problem.indexOf(' ')), problem);
        }
        metadata(event);
        return new Outcome(event.build(), null);
    }

    private static Outcome rejected(Provenance where, String reason, String detail) {
        return new Outcome(null, new Rejected(where, reason, detail));
    }

    private static double time(String line) {
        try {
            LocalDateTime local = LocalDateTime.parse(line.strip(), TIMESTAMP);
            return local.toEpochSecond(ZoneOffset.UTC) + local.getNano() / 1e9;
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }

    /** Reads the header lines; returns the index of the {@code Message=} line, or -1. */
    private int header(List<String> lines, Event.Builder event, Map<String, Integer> counts) {
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int equals = line.indexOf('=');
            if (equals <= 0 || !isKey(line, equals)) {
                continue;
            }
            String key = line.substring(0, equals);
            if (key.equals(MESSAGE)) {
                return i;
            }
            if (counts.merge(key, 1, Integer::sum) == 1) {
                event.put(key, line.substring(equals + 1).strip());
            }
        }
        return -1;
    }

    /**
     * Reads the message: the {@code Message} field and the label fields. Returns null, or the
     * description of the limit the event exceeds.
     */
    private String body(
            List<String> lines, int message, Event.Builder event, Map<String, Integer> counts) {
        StringBuilder text = new StringBuilder(lines.get(message).substring(MESSAGE.length() + 1));
        Labels labels = new Labels(event, counts, isSysmon(event));
        for (int i = message + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            text.append('\n').append(line);
            String problem = labels.line(line);
            if (problem != null) {
                return problem;
            }
        }
        String value = text.toString().strip();
        if (value.length() > limits.maxValueChars()) {
            return ReadLimits.exceeded(
                    ReadLimits.VALUE_CHARS, value.length(), limits.maxValueChars());
        }
        event.put(MESSAGE, value);
        return null;
    }

    private static boolean isSysmon(Event.Builder event) {
        return event.get("LogName").asString().strip().equalsIgnoreCase(SYSMON_CHANNEL);
    }

    /**
     * The label fields of one message, line by line. A {@code Label:<tab>value} line gives the
     * field {@code Label_With_Underscores}; an indented line without a label that follows a label
     * line (Security's {@code Accesses} and {@code Privileges} lists) is one more value of that
     * label. In Sysmon events a {@code Label: value} line gives the field {@code Label}, the name
     * the event XML uses, and replaces a header key of the same name ({@code User}, which the
     * header gives as {@code NOT_TRANSLATED}).
     */
    private final class Labels {
        private final Event.Builder event;
        private final Map<String, Integer> counts;
        private final boolean sysmon;
        private final Set<String> header;
        private String last;

        Labels(Event.Builder event, Map<String, Integer> counts, boolean sysmon) {
            this.event = event;
            this.counts = counts;
            this.sysmon = sysmon;
            this.header = sysmon ? new HashSet<>(counts.keySet()) : new HashSet<>();
        }

        /** Adds the field of {@code line}, if any; returns a limit problem or null. */
        String line(String line) {
            // both separators, ": " and ":\t", are two characters
            int colon = sysmon ? sysmonLabelEnd(line) : -1;
            if (colon < 0) {
                colon = line.indexOf(":\t");
            }
            if (colon > 0) {
                String name = fieldName(line.substring(0, colon));
                last = name.isEmpty() ? null : name;
                return last == null ? null : add(last, line.substring(colon + 2).strip());
            }
            if (last != null && isContinuation(line)) {
                return add(last, line.strip());
            }
            last = null;
            return null;
        }

        private String add(String name, String value) {
            if (value.isEmpty()) {
                return null;
            }
            if (header.remove(name)) {
                counts.put(name, 0);
                event.remove(name);
            }
            int values = counts.merge(name, 1, Integer::sum);
            if (values == 1 && counts.size() > limits.maxFieldsPerEvent()) {
                return ReadLimits.exceeded(
                        ReadLimits.FIELDS_PER_EVENT, counts.size(), limits.maxFieldsPerEvent());
            }
            if (values > limits.maxValuesPerField()) {
                return ReadLimits.exceeded(
                        ReadLimits.VALUES_PER_FIELD, values, limits.maxValuesPerField());
            }
            event.add(name, value);
            return null;
        }
    }

    /**
     * The offset of the colon of a Sysmon {@code Label: value} line (a label of letters and digits
     * starting the line, then a colon and a space), or -1.
     */
    static int sysmonLabelEnd(String line) {
        int i = 0;
        while (i < line.length() && isAsciiLetterOrDigit(line.charAt(i))) {
            i++;
        }
        boolean labelled = i > 0 && !Character.isDigit(line.charAt(0));
        return labelled && line.startsWith(": ", i) ? i : -1;
    }

    /** Whether {@code line} is indented and not blank: a further value of the label above. */
    private static boolean isContinuation(String line) {
        return !line.isEmpty()
                && (line.charAt(0) == '\t' || line.charAt(0) == ' ')
                && !line.isBlank();
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * The field name Splunk gives a label: every character other than a letter or a digit becomes
     * an underscore, then leading underscores and digits are removed.
     */
    static String fieldName(String label) {
        String trimmed = label.strip();
        StringBuilder name = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            name.append(isAsciiLetterOrDigit(c) ? c : '_');
        }
        int start = 0;
        while (start < name.length()
                && (name.charAt(start) == '_' || Character.isDigit(name.charAt(start)))) {
            start++;
        }
        return name.substring(start);
    }

    private void metadata(Event.Builder event) {
        String logName = WindowsEvents.canonicalChannel(event.get("LogName").asString());
        String sourcetype = "WinEventLog:" + logName;
        event.put(Event.SOURCE, sourcetype);
        event.put(Event.SOURCETYPE, sourcetype);
        var computer = event.get("ComputerName");
        String host = options.host() != null ? options.host() : null;
        if (host == null && computer != null) {
            host = computer.asString();
        }
        event.put(Event.HOST, host);
        event.put(Event.INDEX, options.indexOr(ReadOptions.WINDOWS_INDEX));
    }

    private static boolean isKey(String line, int equals) {
        for (int i = 0; i < equals; i++) {
            char c = line.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
