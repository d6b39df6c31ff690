package dev.atwatch.read.auditd;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Provenance;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Rejected;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Turns the records of one audit event into an {@link Event} with the fields Splunk's {@code
 * linux:audit} extraction gives, plus the process fields detections share across formats ({@code
 * Image}, {@code CommandLine}, {@code ProcessId}, {@code ParentProcessId}, {@code User}).
 *
 * <p>Every {@code key=value} of every record becomes a field (keys cleaned as Splunk does: other
 * characters than letters, digits and {@code _} become {@code _}); a key seen in several records
 * with different values becomes multivalue, in record order. Hex-encoded values are decoded. The
 * EXECVE arguments {@code a0..aN} (reassembled from {@code aN_len}/{@code aN[i]} pieces) replace
 * the SYSCALL record's register values {@code a0..a3}, which are kept only when the event has no
 * EXECVE record. A value that should be hex and is not, or a count beyond a limit, is passed to the
 * rejection consumer with the record's location; the event is still produced.
 */
final class AuditEventExtractor {

    static final String SOURCETYPE = "linux:audit";
    static final String BAD_HEX = "auditd.bad-hex";

    private static final Set<String> METADATA =
            Set.of(Event.TIME, Event.RAW, Event.HOST, Event.SOURCE, Event.SOURCETYPE, Event.INDEX);

    private final String input;
    private final ReadOptions options;
    private final ReadLimits limits;
    private final Consumer<Rejected> rejections;

    private Event.Builder event;
    private int fieldCount;
    private final TreeMap<Integer, String> arguments = new TreeMap<>();
    private final TreeMap<Integer, TreeMap<Integer, String>> pieces = new TreeMap<>();
    private final List<String[]> registers = new ArrayList<>();
    private final Set<String> reported = new java.util.HashSet<>();
    private final KeyTable keys = new KeyTable();
    private boolean execve;
    private String rawProctitle;
    private AuditRecord current;

    AuditEventExtractor(String input, ReadOptions options, Consumer<Rejected> rejections) {
        this.input = input;
        this.options = options;
        this.limits = options.limits();
        this.rejections = rejections;
    }

    /** Builds the event of {@code records} (one event, in arrival order), the {@code n}-th. */
    Event extract(List<AuditRecord> records, long n) {
        AuditRecord first = records.get(0);
        reset(Event.builder(new Provenance(input, n, first.line(), first.offset())));
        putMetadata(records);
        for (AuditRecord record : records) {
            current = record;
            scanRecord(record);
        }
        putArguments();
        putProcessFields();
        Event built = event.build();
        event = null;
        return built;
    }

    private void reset(Event.Builder builder) {
        event = builder;
        fieldCount = 0;
        arguments.clear();
        pieces.clear();
        registers.clear();
        reported.clear();
        execve = false;
        rawProctitle = null;
    }

    private void scanRecord(AuditRecord record) {
        addValue("type", record.type());
        boolean isExecve = record.type().equals("EXECVE");
        boolean isSyscall = record.type().equals("SYSCALL");
        execve |= isExecve;
        String text = record.text();
        int enriched = text.indexOf('\u001d', record.bodyStart());
        int end = enriched < 0 ? text.length() : enriched;
        FieldScanner.Visitor visitor =
                (key, value, quote) -> pair(key, value, quote, isExecve, isSyscall);
        String problem =
                FieldScanner.scan(
                        text, record.bodyStart(), end, record.interpreted(), keys, visitor);
        if (problem != null) {
            reject(problem, "record " + record.type() + " ends inside a quoted value");
        }
        if (enriched >= 0) {
            FieldScanner.scan(text, enriched + 1, text.length(), false, keys, this::enrichedPair);
        }
    }

    private void pair(String key, String value, char quote, boolean isExecve, boolean isSyscall) {
        if (isExecve && isArgumentKey(key)) {
            argument(key, value, quote);
        } else if (isSyscall && isRegister(key)) {
            registers.add(new String[] {key, value});
        } else if (key.equals("msg") && quote == '\'') {
            FieldScanner.scan(
                    value, 0, value.length(), current.interpreted(), keys, this::nestedPair);
        } else if (key.equals("proctitle")) {
            proctitle(value, quote);
        } else {
            addValue(cleanKey(key), decode(key, value, quote));
        }
    }

    private void nestedPair(String key, String value, char quote) {
        addValue(cleanKey(key), decode(key, value, quote));
    }

    private void enrichedPair(String key, String value, char quote) {
        addValue(cleanKey(key), value);
    }

    private String decode(String key, String value, char quote) {
        if (quote != 0 || current.interpreted() || !isHexField(key)) {
            return value;
        }
        if (!AuditValues.isHex(value)) {
            return value;
        }
        String decoded = AuditValues.decodeHex(value);
        // Several audit keys are written as one hex value separated by 0x01.
        return key.equals("key") ? decoded.replace('\u0001', ',') : decoded;
    }

    /**
     * Whether the kernel or auditd hex-encodes {@code key} when its value has spaces or odd
     * characters: exe, comm, name, cwd, cmd, acct, path, key, data, ocomm. Compared by length
     * first, as this runs for every bare value.
     */
    private static boolean isHexField(String key) {
        return switch (key.length()) {
            case 3 ->
                    key.equals("exe")
                            || key.equals("cwd")
                            || key.equals("cmd")
                            || key.equals("key");
            case 4 ->
                    key.equals("comm")
                            || key.equals("name")
                            || key.equals("acct")
                            || key.equals("path")
                            || key.equals("data");
            case 5 -> key.equals("ocomm");
            default -> false;
        };
    }

    private void proctitle(String value, char quote) {
        if (quote != 0 || current.interpreted()) {
            rawProctitle = value;
            addValue("proctitle", value);
        } else if (AuditValues.isHex(value)) {
            rawProctitle = AuditValues.decodeHex(value);
            addValue("proctitle", AuditValues.proctitle(rawProctitle));
        } else {
            reject(BAD_HEX, "proctitle is neither quoted nor valid hex; kept as written");
            addValue("proctitle", value);
        }
    }

    private static boolean isRegister(String key) {
        return key.length() == 2
                && key.charAt(0) == 'a'
                && key.charAt(1) >= '0'
                && key.charAt(1) <= '3';
    }

    private static boolean isArgumentKey(String key) {
        return key.length() > 1 && key.charAt(0) == 'a' && Character.isDigit(key.charAt(1));
    }

    /** Handles {@code aN}, {@code aN_len} and {@code aN[i]} of an EXECVE record. */
    private void argument(String key, String value, char quote) {
        int bracket = key.indexOf('[');
        int underscore = key.indexOf('_');
        int numberEnd = bracket >= 0 ? bracket : underscore >= 0 ? underscore : key.length();
        long index = AuditTime.digits(key, 1, numberEnd);
        if (index < 0 || underscore >= 0) {
            return; // aN_len only announces the pieces that follow
        }
        if (index >= limits.maxFieldsPerEvent()) {
            rejectOnce(
                    "limit." + ReadLimits.FIELDS_PER_EVENT,
                    "EXECVE argument a"
                            + index
                            + ": "
                            + ReadLimits.exceeded(
                                    ReadLimits.FIELDS_PER_EVENT,
                                    index + 1,
                                    limits.maxFieldsPerEvent()));
            return;
        }
        String text = argumentText(key, value, quote);
        if (bracket < 0) {
            arguments.put((int) index, text);
            return;
        }
        long piece = AuditTime.digits(key, bracket + 1, key.length() - 1);
        if (piece >= 0 && key.endsWith("]")) {
            pieces.computeIfAbsent((int) index, i -> new TreeMap<>()).put((int) piece, text);
        }
    }

    private String argumentText(String key, String value, char quote) {
        if (quote != 0 || current.interpreted()) {
            return value;
        }
        if (AuditValues.isHex(value)) {
            return AuditValues.decodeHex(value);
        }
        reject(BAD_HEX, "EXECVE " + key + " is neither quoted nor valid hex; kept as written");
        return value;
    }

    private void putMetadata(List<AuditRecord> records) {
        AuditRecord first = records.get(0);
        event.time(first.time());
        String host = options.host() != null ? options.host() : first.node();
        event.put(Event.HOST, host);
        event.put(Event.SOURCE, input);
        event.put(Event.SOURCETYPE, SOURCETYPE);
        event.put(Event.INDEX, options.indexOr(ReadOptions.LINUX_INDEX));
        if (records.size() == 1) {
            event.put(Event.RAW, first.text());
            return;
        }
        int length = records.size();
        for (AuditRecord record : records) {
            length += record.text().length();
        }
        StringBuilder raw = new StringBuilder(length);
        for (AuditRecord record : records) {
            if (raw.length() > 0) {
                raw.append('\n');
            }
            raw.append(record.text());
        }
        event.put(Event.RAW, raw.toString());
    }

    private void putArguments() {
        mergeArgumentPieces();
        if (!execve) {
            for (String[] register : registers) {
                addValue(register[0], register[1]);
            }
        }
        for (Map.Entry<Integer, String> argument : arguments.entrySet()) {
            addValue("a" + argument.getKey(), argument.getValue());
        }
        checkArgc();
    }

    private void mergeArgumentPieces() {
        for (Map.Entry<Integer, TreeMap<Integer, String>> argument : pieces.entrySet()) {
            arguments.put(argument.getKey(), String.join("", argument.getValue().values()));
        }
    }

    private void checkArgc() {
        String argc = first("argc");
        long count = argc == null ? -1 : AuditTime.digits(argc, 0, argc.length());
        if (count > limits.maxFieldsPerEvent()) {
            rejectOnce(
                    "limit." + ReadLimits.FIELDS_PER_EVENT,
                    "EXECVE argc: "
                            + ReadLimits.exceeded(
                                    ReadLimits.FIELDS_PER_EVENT,
                                    count,
                                    limits.maxFieldsPerEvent()));
        }
    }

    private void putProcessFields() {
        event.put("Image", first("exe"));
        if (!arguments.isEmpty()) {
            event.put("CommandLine", AuditValues.commandLine(List.copyOf(arguments.values())));
        } else if (rawProctitle != null) {
            event.put("CommandLine", proctitleCommandLine());
        }
        event.put("ProcessId", first("pid"));
        event.put("ParentProcessId", first("ppid"));
        String user = first("UID");
        event.put("User", user != null ? user : first("uid"));
    }

    private String proctitleCommandLine() {
        if (rawProctitle.indexOf('\0') < 0) {
            return rawProctitle;
        }
        List<String> parts = new ArrayList<>(List.of(rawProctitle.split("\0", -1)));
        while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return AuditValues.commandLine(parts);
    }

    private String first(String name) {
        FieldValue value = event.get(name);
        return value == null ? null : value.asString();
    }

    /**
     * Adds a value to field {@code key}: a new field, or one more value of a multivalue field when
     * it differs from those present. A name Splunk reserves for metadata ({@code host}, {@code
     * index}, ...) is kept as {@code extracted_<name>}, as Splunk does.
     */
    private void addValue(String name, String value) {
        if (value.isEmpty()) {
            return;
        }
        String key = METADATA.contains(name) ? "extracted_" + name : name;
        String bounded = boundValue(key, value);
        FieldValue old = event.get(key);
        if (old == null) {
            addField(key, bounded);
        } else if (old instanceof FieldValue.Text text) {
            if (!text.value().equals(bounded)) {
                event.add(key, bounded);
            }
        } else {
            addToMultivalue(key, old.strings(), bounded);
        }
    }

    private void addField(String key, String value) {
        if (fieldCount >= limits.maxFieldsPerEvent()) {
            rejectOnce(
                    "limit." + ReadLimits.FIELDS_PER_EVENT,
                    ReadLimits.exceeded(
                            ReadLimits.FIELDS_PER_EVENT,
                            fieldCount + 1L,
                            limits.maxFieldsPerEvent()));
            return;
        }
        event.put(key, value);
        fieldCount++;
    }

    private void addToMultivalue(String key, List<String> values, String value) {
        if (values.contains(value)) {
            return;
        }
        if (values.size() >= limits.maxValuesPerField()) {
            rejectOnce(
                    "limit." + ReadLimits.VALUES_PER_FIELD,
                    "field "
                            + key
                            + ": "
                            + ReadLimits.exceeded(
                                    ReadLimits.VALUES_PER_FIELD,
                                    values.size() + 1L,
                                    limits.maxValuesPerField()));
            return;
        }
        event.add(key, value);
    }

    private String boundValue(String key, String value) {
        if (value.length() <= limits.maxValueChars()) {
            return value;
        }
        rejectOnce(
                "limit." + ReadLimits.VALUE_CHARS,
                "field "
                        + key
                        + " cut: "
                        + ReadLimits.exceeded(
                                ReadLimits.VALUE_CHARS, value.length(), limits.maxValueChars()));
        return value.substring(0, limits.maxValueChars());
    }

    /** Splunk's key cleaning: characters other than letters, digits and '_' become '_'. */
    static String cleanKey(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return key.replaceAll("[^A-Za-z0-9_]", "_");
            }
        }
        return key;
    }

    private void rejectOnce(String reason, String detail) {
        if (reported.add(reason)) {
            reject(reason, detail);
        }
    }

    private void reject(String reason, String detail) {
        Provenance where = new Provenance(input, current.line(), current.line(), current.offset());
        rejections.accept(new Rejected(where, reason, detail));
    }
}
