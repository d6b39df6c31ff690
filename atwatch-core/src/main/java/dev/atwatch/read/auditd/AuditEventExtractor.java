package dev.atwatch.read.auditd;

import dev.atwatch.event.Event;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Provenance;
import dev.atwatch.read.ReadLimits;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Rejected;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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

    /** The field names {@code a0}, {@code a1}, ... of the first EXECVE arguments. */
    private static final String[] ARGUMENT_NAMES = new String[64];

    static {
        for (int i = 0; i < ARGUMENT_NAMES.length; i++) {
            ARGUMENT_NAMES[i] = "a" + i;
        }
    }

    private final String input;
    private final ReadOptions options;
    private final ReadLimits limits;
    private final Consumer<Rejected> rejections;

    private Event.Builder event;
    private int fieldCount;

    /** The EXECVE arguments given whole ({@code aN}), by N. */
    private final NumberedTexts arguments = new NumberedTexts();

    /** The pieces of long EXECVE arguments ({@code aN[i]}), by {@link #pieceKey N and i}. */
    private final NumberedTexts pieces = new NumberedTexts();

    /** The event's EXECVE arguments in order, pieces joined, once {@link #putArguments} ran. */
    private final List<String> argumentValues = new ArrayList<>();

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
        Provenance provenance = new Provenance(input, n, first.line(), first.offset());
        reset(Event.builder(provenance, expectedFields(records.size())));
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

    /**
     * About how many fields an event of {@code records} records has: its metadata and process
     * fields, and a dozen per record (most have fewer, a SYSCALL record has about 25).
     */
    private static int expectedFields(int records) {
        return 12 + 12 * Math.min(records, 64);
    }

    private void reset(Event.Builder builder) {
        event = builder;
        fieldCount = 0;
        arguments.clear();
        pieces.clear();
        argumentValues.clear();
        registers.clear();
        reported.clear();
        execve = false;
        rawProctitle = null;
    }

    private void scanRecord(AuditRecord record) {
        add("type", record.type());
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

    private void pair(FieldKey key, String value, char quote, boolean isExecve, boolean isSyscall) {
        if (isExecve && key.argument()) {
            argument(key.name(), value, quote);
        } else if (isSyscall && key.register()) {
            registers.add(new String[] {key.name(), value});
        } else if (key.message() && quote == '\'') {
            FieldScanner.scan(
                    value, 0, value.length(), current.interpreted(), keys, this::nestedPair);
        } else if (key.proctitle()) {
            proctitle(value, quote);
        } else {
            add(key.field(), decode(key, value, quote));
        }
    }

    private void nestedPair(FieldKey key, String value, char quote) {
        add(key.field(), decode(key, value, quote));
    }

    private void enrichedPair(FieldKey key, String value, char quote) {
        add(key.field(), value);
    }

    private String decode(FieldKey key, String value, char quote) {
        if (quote != 0 || current.interpreted() || !key.hexEncoded()) {
            return value;
        }
        String decoded = AuditValues.decodeHexOrNull(value);
        if (decoded == null) {
            return value;
        }
        // Several audit keys are written as one hex value separated by 0x01.
        return key.name().equals("key") ? decoded.replace('\u0001', ',') : decoded;
    }

    private void proctitle(String value, char quote) {
        if (quote != 0 || current.interpreted()) {
            rawProctitle = value;
            add("proctitle", value);
        } else if (AuditValues.isHex(value)) {
            rawProctitle = AuditValues.decodeHex(value);
            add("proctitle", AuditValues.proctitle(rawProctitle));
        } else {
            reject(BAD_HEX, "proctitle is neither quoted nor valid hex; kept as written");
            add("proctitle", value);
        }
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
            arguments.put(index, text);
            return;
        }
        long piece = AuditTime.digits(key, bracket + 1, key.length() - 1);
        if (piece >= 0 && key.endsWith("]")) {
            pieces.put(pieceKey((int) index, (int) piece), text);
        }
    }

    /**
     * The key of piece {@code piece} of argument {@code argument}: ordered by argument, then by
     * piece (as a signed int), as the pieces are joined.
     */
    private static long pieceKey(int argument, int piece) {
        return (long) argument << 32 | ((piece ^ Integer.MIN_VALUE) & 0xFFFFFFFFL);
    }

    private static int pieceArgument(long key) {
        return (int) (key >>> 32);
    }

    private String argumentText(String key, String value, char quote) {
        if (quote != 0 || current.interpreted()) {
            return value;
        }
        String decoded = AuditValues.decodeHexOrNull(value);
        if (decoded != null) {
            return decoded;
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
        // no record is empty (each has its header), so the lines are joined as they are
        String[] lines = new String[records.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = records.get(i).text();
        }
        event.put(Event.RAW, String.join("\n", lines));
    }

    private void putArguments() {
        if (!execve) {
            for (String[] register : registers) {
                add(register[0], register[1]);
            }
        }
        arguments.settle();
        pieces.settle();
        putArgumentFields();
        checkArgc();
    }

    /**
     * Adds the fields {@code a0..aN} in order, each argument given in pieces taking their joined
     * text over one given whole, and collects them into {@link #argumentValues}.
     */
    private void putArgumentFields() {
        int whole = 0;
        int piece = 0;
        while (whole < arguments.size() || piece < pieces.size()) {
            int next = whole < arguments.size() ? (int) arguments.key(whole) : Integer.MAX_VALUE;
            if (piece < pieces.size() && pieceArgument(pieces.key(piece)) <= next) {
                int argument = pieceArgument(pieces.key(piece));
                int end = piece + 1;
                while (end < pieces.size() && pieceArgument(pieces.key(end)) == argument) {
                    end++;
                }
                putArgument(argument, joinPieces(piece, end));
                piece = end;
                if (whole < arguments.size() && argument == next) {
                    whole++;
                }
            } else {
                putArgument(next, arguments.text(whole));
                whole++;
            }
        }
    }

    private String joinPieces(int from, int to) {
        if (to - from == 1) {
            return pieces.text(from);
        }
        String[] texts = new String[to - from];
        for (int i = from; i < to; i++) {
            texts[i - from] = pieces.text(i);
        }
        return String.join("", texts);
    }

    private void putArgument(int index, String text) {
        String name = index < ARGUMENT_NAMES.length ? ARGUMENT_NAMES[index] : "a" + index;
        add(name, text);
        argumentValues.add(text);
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
        if (!argumentValues.isEmpty()) {
            event.put("CommandLine", AuditValues.commandLine(argumentValues));
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
        if (value instanceof FieldValue.Text text) {
            return text.value();
        }
        return value == null ? null : value.asString();
    }

    /**
     * Adds a value to field {@code key} (a {@link FieldKey#field() field name}): a new field, or
     * one more value of a multivalue field when it differs from those present.
     */
    private void add(String key, String value) {
        if (value.isEmpty()) {
            return;
        }
        String bounded = boundValue(key, value);
        FieldValue old;
        if (fieldCount < limits.maxFieldsPerEvent()) {
            old = event.putIfAbsent(key, new FieldValue.Text(bounded));
            if (old == null) {
                fieldCount++;
                return;
            }
        } else {
            old = event.get(key);
            if (old == null) {
                rejectFieldCount();
                return;
            }
        }
        if (old instanceof FieldValue.Text text) {
            if (!text.value().equals(bounded)) {
                event.put(key, new FieldValue.MultiValue(List.of(text.value(), bounded)));
            }
        } else {
            addToMultivalue(key, old.strings(), bounded);
        }
    }

    private void rejectFieldCount() {
        rejectOnce(
                "limit." + ReadLimits.FIELDS_PER_EVENT,
                ReadLimits.exceeded(
                        ReadLimits.FIELDS_PER_EVENT, fieldCount + 1L, limits.maxFieldsPerEvent()));
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
        String[] longer = values.toArray(new String[values.size() + 1]);
        longer[values.size()] = value;
        event.put(key, new FieldValue.MultiValue(Arrays.asList(longer)));
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
