package dev.atwatch.read.auditd;

import dev.atwatch.read.FieldLiterals;
import dev.atwatch.read.RecordFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells from the record lines of an audit event alone whether the event may hold what a run's
 * searches need ({@link FieldLiterals}), so that an event none can match is skipped before its
 * fields are built.
 *
 * <p>Sound for the fields {@link AuditEventExtractor} builds. A literal bound to fields is looked
 * for in the value of every key those fields come from: the field's own key (record keys are
 * compared as the extractor cleans them, so {@code new-ses} is {@code new_ses}), the record type
 * for {@code type}, {@code exe} for {@code Image}, {@code pid} and {@code ppid} for the process
 * ids, {@code UID} and {@code uid} for {@code User}, the reserved name for {@code extracted_host}
 * and its like. A value is taken as written (quoted, single-quoted or bare up to the next space; in
 * {@code ausearch -i} text, to the end of the line) and hex-decoded when it is hex. A literal bound
 * to {@code CommandLine}, which is joined from the arguments, or to no field is looked for anywhere
 * in the records, as written or hex-decoded. Every candidate key is looked at, even inside quoted
 * values, which can only pass more events. An event with an argument split into pieces ({@code
 * aN[i]}) passes when some literal may be in an argument, since it may straddle two pieces.
 *
 * <p>What a record holds is worked out once per record ({@link #examine}) and kept in it, so that
 * the thread reading lines can do that work while another screens events.
 *
 * <p>Not thread-safe: one screen per thread (it keeps the findings of the event at hand); {@link
 * #forAnotherThread} gives another thread a screen of the same literals.
 */
final class AuditScreen {

    /** Most literals kept; requirements beyond these are dropped, which only passes more. */
    static final int MAX_LITERALS = 1024;

    /** Most kinds of event whose possible groups of alternatives are remembered. */
    static final int MAX_KINDS = 256;

    /** Bits of the table of key shapes ({@link #shapes}). */
    private static final int SHAPES = 1 << 12;

    /** Most record types whose literals are remembered; others are worked out each time. */
    static final int MAX_TYPES = 1024;

    private static final String TYPE = "type";

    /** The flag of {@link #examine}'s findings: the record holds a piece of a long argument. */
    private static final int PIECE = 1;

    /** The findings of a record with no value of a screen key, without and with a piece. */
    private static final int[][] NONE = {{0}, {PIECE}};

    private static final String EXTRACTED = "extracted_";

    /**
     * Tells the findings of this screen and of its {@link #forAnotherThread copies} (which number
     * keys alike) from those of another screen in a record.
     */
    private final Object plan;

    private final String[] literals;

    /** Per literal: the keys whose values may hold it, or {@code null} for anywhere. */
    private final Key[][] keysOf;

    /** Per literal: whether it may be the record type (field {@code type}). */
    private final boolean[] ofType;

    /** Each alternative's literals, the cheapest to look for first. */
    private final int[][] alternatives;

    /** Per alternative: where the run of alternatives with the same first literal ends. */
    private final int[] groupEnd;

    private final boolean piecesMatter;

    /** Per literal: whether it may be in the values of key k, as boundKeys[literal][k]. */
    private final boolean[][] boundKeys;

    /** Findings for the event at hand: literal i was looked for when testedIn[i] == event. */
    private final int[] testedIn;

    private final boolean[] found;

    /** The keys literals are bound to, by index, and an open-addressing table of them. */
    private final Key[] keys;

    private final int[] keyTable;

    /**
     * The pairs of characters a key ends with (the last two before {@code =}, 7 bits each; for a
     * one-character key, any character and that one): a cheap test before a key is looked up.
     */
    private final long[] endings;

    /**
     * Bits by a hash of the length, first and last character of the keys (as they may be written),
     * a second test, once the start of a key is known, before it is looked up.
     */
    private final long[] shapes;

    /**
     * Per literal: a bit for each key it is bound to, bit {@code index % 64} of the key; a record
     * sets the bits of the keys it has a value of, so that a literal none of whose keys an event
     * holds is passed over without looking at values.
     */
    private final long[] keyBitsOf;

    /**
     * Per record type seen: the literals of the type it holds, as words of bits by literal (at most
     * {@link #MAX_TYPES} types are remembered).
     */
    private final Map<String, long[]> typeLiterals = new HashMap<>();

    /** The literals of the type the records of the event at hand hold, and the keys they have. */
    private final long[] eventTypes;

    private long eventKeys;

    /** The values of the keys in the record being examined: flags, then key, start and end each. */
    private int[] spans = new int[1 + 3 * 16];

    private int spanEnd;

    private int event;

    /**
     * Event kinds seen (the type-literal words, then the key bits) and the groups each may pass
     * ({@link #possibleGroups}): an open-addressing table twice the size of {@link #MAX_KINDS}.
     */
    private final long[][] kindKeys = new long[2 * MAX_KINDS][];

    private final int[][] kindGroups = new int[2 * MAX_KINDS][];

    private int kindCount;

    private AuditScreen(String[] literals, Key[][] keysOf, int[][] alternatives, Key[] keys) {
        this.plan = new Object();
        this.literals = literals;
        this.keysOf = keysOf;
        this.ofType = new boolean[literals.length];
        boolean arguments = false;
        for (int id = 0; id < literals.length; id++) {
            for (Key key : keysOf[id] == null ? new Key[0] : keysOf[id]) {
                ofType[id] |= key.name.equals(TYPE);
                arguments |= key.name.matches("a[0-9]+");
            }
            arguments |= keysOf[id] == null;
        }
        // Pieces of a long argument only matter to literals an argument or CommandLine may hold.
        this.piecesMatter = arguments;
        for (int[] alternative : alternatives) {
            sortByCost(alternative);
        }
        this.alternatives = groupByFirst(alternatives);
        this.groupEnd = new int[this.alternatives.length];
        for (int i = this.alternatives.length - 1; i >= 0; i--) {
            boolean last = i + 1 == this.alternatives.length;
            groupEnd[i] =
                    !last && this.alternatives[i + 1][0] == this.alternatives[i][0]
                            ? groupEnd[i + 1]
                            : i + 1;
        }
        this.testedIn = new int[literals.length];
        this.found = new boolean[literals.length];
        this.keys = keys;
        this.boundKeys = new boolean[literals.length][keys.length];
        this.keyBitsOf = new long[literals.length];
        for (int id = 0; id < literals.length; id++) {
            for (Key key : keysOf[id] == null ? new Key[0] : keysOf[id]) {
                boundKeys[id][key.index] = true;
                keyBitsOf[id] |= keyBit(key.index);
            }
        }
        this.eventTypes = new long[words(literals.length)];
        this.endings = new long[(1 << 14) / 64];
        this.shapes = new long[SHAPES / 64];
        this.keyTable = new int[Integer.highestOneBit(Math.max(4, keys.length * 4)) * 2];
        for (Key key : keys) {
            int slot = slot(key.name.hashCode());
            while (keyTable[slot] != 0) {
                slot = (slot + 1) & (keyTable.length - 1);
            }
            keyTable[slot] = key.index + 1;
            addEnding(key.name);
            addShape(key.name);
        }
        if (piecesMatter) {
            for (char digit = '0'; digit <= '9'; digit++) {
                setEnding(digit, ']'); // the end of a piece's key, aN[i]
            }
        }
    }

    /** A screen of the same literals for another thread, sharing what never changes. */
    private AuditScreen(AuditScreen other) {
        this.plan = other.plan;
        this.literals = other.literals;
        this.keysOf = other.keysOf;
        this.ofType = other.ofType;
        this.piecesMatter = other.piecesMatter;
        this.alternatives = other.alternatives;
        this.groupEnd = other.groupEnd;
        this.boundKeys = other.boundKeys;
        this.keyBitsOf = other.keyBitsOf;
        this.eventTypes = new long[other.eventTypes.length];
        this.keys = other.keys;
        this.keyTable = other.keyTable;
        this.endings = other.endings;
        this.shapes = other.shapes;
        this.testedIn = new int[literals.length];
        this.found = new boolean[literals.length];
    }

    /**
     * A screen of the same literals, for another thread: one that {@link #examine examines} records
     * as they are read, for instance, while this one screens their events.
     */
    AuditScreen forAnotherThread() {
        return new AuditScreen(this);
    }

    /** Orders literals: those of the record type, then those bound to keys, then the others. */
    private void sortByCost(int[] alternative) {
        Integer[] boxed = Arrays.stream(alternative).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparingInt(this::cost));
        for (int i = 0; i < boxed.length; i++) {
            alternative[i] = boxed[i];
        }
    }

    /**
     * The alternatives without repeats, those with the same first literal next to each other (in
     * the order of their first appearance), so that all of them are passed over when it is missing.
     */
    private static int[][] groupByFirst(int[][] alternatives) {
        Map<Integer, Map<List<Integer>, int[]>> groups = new LinkedHashMap<>();
        for (int[] alternative : alternatives) {
            List<Integer> literals = Arrays.stream(alternative).boxed().toList();
            groups.computeIfAbsent(alternative[0], first -> new LinkedHashMap<>())
                    .putIfAbsent(literals, alternative);
        }
        return groups.values().stream()
                .flatMap(group -> group.values().stream())
                .toArray(int[][]::new);
    }

    private int cost(int id) {
        if (keysOf[id] == null) {
            return 2;
        }
        return ofType[id] && keysOf[id].length == 1 ? 0 : 1;
    }

    /** The screen of {@code filter}, or {@code null} when it passes every event. */
    static AuditScreen of(RecordFilter filter) {
        Optional<FieldLiterals> fields = filter.fieldLiterals();
        return fields.isEmpty() ? null : of(fields.get());
    }

    /** The screen of {@code fields}, or {@code null} when it passes every event. */
    static AuditScreen of(FieldLiterals fields) {
        Map<FieldLiterals.Literal, Integer> ids = new LinkedHashMap<>();
        List<int[]> alternatives = new ArrayList<>();
        for (List<FieldLiterals.Literal> alternative : fields.alternatives()) {
            List<Integer> need = new ArrayList<>();
            for (FieldLiterals.Literal literal : alternative) {
                Integer id = ids.get(literal);
                if (id == null && ids.size() < MAX_LITERALS) {
                    id = ids.size();
                    ids.put(literal, id);
                }
                if (id != null) {
                    need.add(id);
                }
            }
            if (need.isEmpty()) {
                return null; // this alternative requires nothing that can be looked for
            }
            alternatives.add(need.stream().mapToInt(Integer::intValue).toArray());
        }
        String[] texts = new String[ids.size()];
        Key[][] keysOf = new Key[ids.size()][];
        Map<String, Key> keys = new LinkedHashMap<>();
        ids.forEach(
                (literal, id) -> {
                    texts[id] = literal.text();
                    Set<String> sources = sourceKeys(literal);
                    keysOf[id] =
                            sources == null
                                    ? null
                                    : sources.stream()
                                            .map(
                                                    key ->
                                                            keys.computeIfAbsent(
                                                                    key,
                                                                    k -> new Key(k, keys.size())))
                                            .toArray(Key[]::new);
                });
        int[][] needs = alternatives.toArray(int[][]::new);
        return new AuditScreen(texts, keysOf, needs, keys.values().toArray(Key[]::new));
    }

    /**
     * The record keys (as cleaned) whose values may give the fields of {@code literal}, or {@code
     * null} when it may come from anywhere in the records.
     */
    private static Set<String> sourceKeys(FieldLiterals.Literal literal) {
        if (literal.anywhere()) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String field : literal.fields()) {
            switch (field) {
                case "CommandLine" -> {
                    return null; // joined from the arguments, with spaces and quotes
                }
                case "Image" -> keys.add("exe");
                case "ProcessId" -> keys.add("pid");
                case "ParentProcessId" -> keys.add("ppid");
                case "User" -> keys.addAll(List.of("UID", "uid"));
                default -> {
                    if (field.startsWith(EXTRACTED)) {
                        keys.add(field.substring(EXTRACTED.length()));
                    }
                }
            }
            keys.add(field);
        }
        return keys;
    }

    /**
     * Whether the event of {@code records} may match: whether, for some alternative, every literal
     * is found. Each literal is looked for at most once per event, and only while an alternative
     * that needs it may still pass. Records not yet {@link #examine examined} are examined first.
     */
    boolean mayPass(List<AuditRecord> records) {
        if (++event == 0) {
            Arrays.fill(testedIn, 0);
            event = 1;
        }
        boolean pieceSeen = false;
        Arrays.fill(eventTypes, 0);
        eventKeys = 0;
        for (AuditRecord record : records) {
            if (record.screenedBy() != plan) {
                examine(record);
            }
            pieceSeen |= (record.keySpans()[0] & PIECE) != 0;
            long[] types = record.typeLiterals();
            for (int w = 0; w < types.length; w++) {
                eventTypes[w] |= types[w];
            }
            eventKeys |= record.keyBits();
        }
        if (pieceSeen) {
            return true; // a literal may straddle two pieces of an argument
        }
        for (int group : possibleGroups()) {
            if (!found(alternatives[group][0], records)) {
                continue;
            }
            for (int i = group; i < groupEnd[group]; i++) {
                if (passes(alternatives[i], records)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The groups of alternatives (by their first index) whose first literal the event may hold,
     * judged by the literals of its record types and the keys it has values of alone (see {@link
     * #mayHold}). Events of one kind (the same such literals and keys) give the same groups, so
     * they are remembered by kind, for at most {@link #MAX_KINDS} kinds.
     */
    private int[] possibleGroups() {
        long hash = eventKeys * 0x9E3779B97F4A7C15L;
        for (long word : eventTypes) {
            hash = (hash ^ word) * 0x9E3779B97F4A7C15L;
        }
        int mask = kindKeys.length - 1;
        int slot = (int) (hash >>> 40) & mask;
        while (kindKeys[slot] != null) {
            if (isKind(kindKeys[slot])) {
                return kindGroups[slot];
            }
            slot = (slot + 1) & mask;
        }
        int[] groups = groupsMayHold();
        if (kindCount < MAX_KINDS) {
            long[] key = Arrays.copyOf(eventTypes, eventTypes.length + 1);
            key[eventTypes.length] = eventKeys;
            kindKeys[slot] = key;
            kindGroups[slot] = groups;
            kindCount++;
        }
        return groups;
    }

    private boolean isKind(long[] key) {
        for (int w = 0; w < eventTypes.length; w++) {
            if (key[w] != eventTypes[w]) {
                return false;
            }
        }
        return key[eventTypes.length] == eventKeys;
    }

    private int[] groupsMayHold() {
        int[] groups = new int[alternatives.length];
        int n = 0;
        for (int i = 0; i < alternatives.length; i = groupEnd[i]) {
            if (mayHold(alternatives[i][0])) {
                groups[n++] = i;
            }
        }
        return Arrays.copyOf(groups, n);
    }

    /**
     * Whether the event may hold literal {@code id} as far as the literals of its record types and
     * the keys it has values of tell: {@link #lookFor} finds nothing otherwise.
     */
    private boolean mayHold(int id) {
        return keysOf[id] == null || typeHolds(id) || hasValueOfKey(id);
    }

    /** Whether a record type of the event holds literal {@code id} (a literal of the type). */
    private boolean typeHolds(int id) {
        return ofType[id] && (eventTypes[id >>> 6] & (1L << id)) != 0;
    }

    /** Whether a record of the event may have a value of a key literal {@code id} is bound to. */
    private boolean hasValueOfKey(int id) {
        return (eventKeys & keyBitsOf[id]) != 0;
    }

    private boolean passes(int[] alternative, List<AuditRecord> records) {
        for (int id : alternative) {
            if (!found(id, records)) {
                return false;
            }
        }
        return true;
    }

    /** Whether literal {@code id} is in the event, looked for once per event. */
    private boolean found(int id, List<AuditRecord> records) {
        if (testedIn[id] != event) {
            testedIn[id] = event;
            found[id] = lookFor(id, records);
        }
        return found[id];
    }

    /** Whether literal {@code id} is in the values that may give its fields. */
    private boolean lookFor(int id, List<AuditRecord> records) {
        String literal = literals[id];
        if (keysOf[id] == null) {
            return anywhereIn(records, literal);
        }
        if (typeHolds(id)) {
            return true;
        }
        if (!hasValueOfKey(id)) {
            return false;
        }
        boolean[] bound = boundKeys[id];
        for (AuditRecord record : records) {
            int[] spans = record.keySpans();
            for (int span = 1; span < spans.length; span += 3) {
                if (bound[spans[span]]
                        && inValue(record.text(), spans[span + 1], spans[span + 2], literal)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The literals of the type that {@code type} holds, remembered per type. */
    private long[] typeLiterals(String type) {
        long[] held = typeLiterals.get(type);
        if (held == null) {
            held = new long[words(literals.length)];
            for (int id = 0; id < literals.length; id++) {
                if (ofType[id] && indexOfFolded(type, 0, type.length(), literals[id]) >= 0) {
                    held[id >>> 6] |= 1L << id;
                }
            }
            if (typeLiterals.size() < MAX_TYPES) {
                typeLiterals.put(type, held);
            }
        }
        return held;
    }

    /**
     * Works out, and notes in {@code record}, the literals of the type its type holds and the
     * values of every key literals are bound to, in one pass over the record: at each {@code =},
     * the key is the run of key characters before it, preceded by a character that cannot be part
     * of a key (so keys inside quoted values count too). A value is quoted, single-quoted or bare
     * up to the next space; in {@code ausearch -i} text, to the end of the line. Notes whether a
     * key is a piece of a long argument ({@code aN[i]}) when that matters.
     *
     * <p>Records are examined one by one, so this may run on the thread that reads them, with its
     * own screen ({@link #forAnotherThread}), while another screens the events.
     */
    void examine(AuditRecord record) {
        spanEnd = 1;
        int flags = 0;
        long keyBits = 0;
        String text = record.text();
        int from = record.bodyStart();
        for (int eq = text.indexOf('=', from); eq > from; eq = text.indexOf('=', eq + 1)) {
            char last = text.charAt(eq - 1);
            char before = eq - 2 >= from ? text.charAt(eq - 2) : ' ';
            if (last >= 128 || !endsKey(before < 128 ? before : 0, last)) {
                continue;
            }
            int start = eq - 1;
            while (start > 0 && FieldScanner.isKeyChar(text.charAt(start - 1))) {
                start--;
            }
            if (start < from || !FieldScanner.isKeyChar(last)) {
                continue;
            }
            if (piecesMatter && isPiece(text, start, eq)) {
                flags = PIECE;
            }
            if (!hasShape(eq - start, text.charAt(start), last)) {
                continue;
            }
            int key = lookup(text, start, eq);
            if (key >= 0) {
                addValue(key, text, eq + 1, record.interpreted());
                keyBits |= keyBit(key);
            }
        }
        int[] findings = NONE[flags];
        if (spanEnd > 1) {
            findings = Arrays.copyOf(spans, spanEnd);
            findings[0] = flags;
        }
        record.screened(plan, findings, keyBits, typeLiterals(record.type()));
    }

    /** Adds the span of the value of {@code key} that starts at {@code v} in {@code text}. */
    private void addValue(int key, String text, int v, boolean interpreted) {
        int n = text.length();
        int start = v;
        int end;
        char first = v < n ? text.charAt(v) : 0;
        if (interpreted) {
            // printed values hold spaces and quotes; the next key ends them, at most the line
            end = n;
        } else if (first == '"' || first == '\'') {
            start = v + 1;
            end = text.indexOf(first, start);
            end = end < 0 ? n : end;
        } else {
            end = text.indexOf(' ', v);
            end = end < 0 ? n : end;
        }
        if (spanEnd + 3 > spans.length) {
            spans = Arrays.copyOf(spans, spans.length * 2);
        }
        spans[spanEnd] = key;
        spans[spanEnd + 1] = start;
        spans[spanEnd + 2] = end;
        spanEnd += 3;
    }

    private static long keyBit(int key) {
        return 1L << (key & 63);
    }

    private static int words(int bits) {
        return (bits + 63) >>> 6;
    }

    /** The index of the key {@code text[start, end)} is (as cleaned), or -1. */
    private int lookup(String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + cleaned(text.charAt(i));
        }
        for (int slot = slot(hash);
                keyTable[slot] != 0;
                slot = (slot + 1) & (keyTable.length - 1)) {
            Key key = keys[keyTable[slot] - 1];
            if (key.name.length() == end - start && sameCleaned(key.name, text, start)) {
                return key.index;
            }
        }
        return -1;
    }

    private int slot(int hash) {
        return (hash ^ (hash >>> 16)) & (keyTable.length - 1);
    }

    /** Notes the last two characters of {@code name}, and what cleans to them, in endings. */
    private void addEnding(String name) {
        char last = name.charAt(name.length() - 1);
        for (char l : spellings(last)) {
            if (name.length() == 1) {
                for (char b = 0; b < 128; b++) {
                    setEnding(b, l);
                }
            } else {
                for (char b : spellings(name.charAt(name.length() - 2))) {
                    setEnding(b, l);
                }
            }
        }
    }

    /** Notes the length, first and last character of {@code name}, and what cleans to them. */
    private void addShape(String name) {
        for (char first : spellings(name.charAt(0))) {
            for (char last : spellings(name.charAt(name.length() - 1))) {
                int shape = shape(name.length(), first, last);
                shapes[shape >>> 6] |= 1L << shape;
            }
        }
    }

    private boolean hasShape(int length, char first, char last) {
        int shape = shape(length, first, last);
        return (shapes[shape >>> 6] & (1L << shape)) != 0;
    }

    private static int shape(int length, char first, char last) {
        return (length * 961 + first * 31 + last) & (SHAPES - 1);
    }

    private void setEnding(char before, char last) {
        int pair = (before & 127) << 7 | (last & 127);
        endings[pair >>> 6] |= 1L << pair;
    }

    private boolean endsKey(char before, char last) {
        int pair = before << 7 | last;
        return (endings[pair >>> 6] & (1L << pair)) != 0;
    }

    /** The characters of a record key that clean to {@code c}. */
    private static char[] spellings(char c) {
        return c == '_' ? new char[] {'_', '-', '[', ']', '.'} : new char[] {c};
    }

    /** Whether the key {@code text[start, end)} is a piece of a long argument: {@code aN[i]}. */
    private static boolean isPiece(String text, int start, int end) {
        if (text.charAt(start) != 'a') {
            return false;
        }
        int i = start + 1;
        while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i > start + 1 && i < end && text.charAt(i) == '[';
    }

    private static char cleaned(char c) {
        return c == '-' || c == '[' || c == ']' || c == '.' ? '_' : c;
    }

    /** Whether {@code literal} is in {@code text[start, end)}, as written or hex-decoded. */
    private static boolean inValue(String text, int start, int end, String literal) {
        return indexOfFolded(text, start, end, literal) >= 0 || hexAt(text, start, end, literal);
    }

    /** Whether {@code literal} is anywhere in the records, as written or hex-decoded. */
    private static boolean anywhereIn(List<AuditRecord> records, String literal) {
        for (AuditRecord record : records) {
            String text = record.text();
            if (indexOfFolded(text, 0, text.length(), literal) >= 0) {
                return true;
            }
            for (int i = 0; i + 2 * literal.length() <= text.length(); i++) {
                if (hexMatches(text, i, literal)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the hex digits from {@code start} (pairs counted from there, as a value is decoded)
     * hold {@code literal} before {@code end} or the first character that is not a hex digit.
     */
    private static boolean hexAt(String text, int start, int end, String literal) {
        for (int i = start; i + 2 * literal.length() <= end; i += 2) {
            if (hex(text.charAt(i)) < 0 || hex(text.charAt(i + 1)) < 0) {
                return false;
            }
            if (hexMatches(text, i, literal)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the hex pairs at {@code i} decode to {@code literal}, ignoring ASCII case. */
    private static boolean hexMatches(String text, int i, String literal) {
        for (int j = 0; j < literal.length(); j++) {
            int high = hex(text.charAt(i + 2 * j));
            int low = hex(text.charAt(i + 2 * j + 1));
            if (high < 0 || low < 0 || lower((char) (high << 4 | low)) != literal.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** The first index of {@code literal} (lower case) in {@code text[start, end)}, or -1. */
    private static int indexOfFolded(String text, int start, int end, String literal) {
        char head = literal.charAt(0);
        int last = end - literal.length();
        for (int i = start; i <= last; i++) {
            if (lower(text.charAt(i)) != head) {
                continue;
            }
            int j = 1;
            while (j < literal.length() && lower(text.charAt(i + j)) == literal.charAt(j)) {
                j++;
            }
            if (j == literal.length()) {
                return i;
            }
        }
        return -1;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char l = lower(c);
        return l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
    }

    private static boolean sameCleaned(String name, String text, int from) {
        for (int i = 0; i < name.length(); i++) {
            char c = text.charAt(from + i);
            if (name.charAt(i) != cleaned(c)) {
                return false;
            }
        }
        return true;
    }

    /** A record key (as cleaned) that literals are bound to, and its index in the screen. */
    private record Key(String name, int index) {}
}
