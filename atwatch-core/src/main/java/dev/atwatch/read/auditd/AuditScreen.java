package dev.atwatch.read.auditd;

import dev.atwatch.read.FieldLiterals;
import dev.atwatch.read.RecordFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * <p>Not thread-safe: one screen per reading thread (it keeps the findings of the event at hand).
 */
final class AuditScreen {

    /** Most literals kept; requirements beyond these are dropped, which only passes more. */
    static final int MAX_LITERALS = 1024;

    private static final String TYPE = "type";
    private static final String EXTRACTED = "extracted_";

    private final String[] literals;

    /** Per literal: the keys whose values may hold it, or {@code null} for anywhere. */
    private final Key[][] keysOf;

    /** Per literal: whether it may be the record type (field {@code type}). */
    private final boolean[] ofType;

    /** Each alternative's literals, the cheapest to look for first. */
    private final int[][] alternatives;

    private final boolean piecesMatter;

    /** Findings for the event at hand: literal i was looked for when testedIn[i] == event. */
    private final int[] testedIn;

    private final boolean[] found;

    /**
     * Likewise for keys: whether key i occurs in the event at hand, when keyTestedIn[i] == event.
     */
    private final int[] keyTestedIn;

    private final boolean[] keyPresent;
    private int event;

    private AuditScreen(String[] literals, Key[][] keysOf, int[][] alternatives, int keys) {
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
        this.alternatives = alternatives;
        this.testedIn = new int[literals.length];
        this.found = new boolean[literals.length];
        this.keyTestedIn = new int[keys];
        this.keyPresent = new boolean[keys];
    }

    /** Orders literals: those of the record type, then those bound to keys, then the others. */
    private void sortByCost(int[] alternative) {
        Integer[] boxed = Arrays.stream(alternative).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparingInt(this::cost));
        for (int i = 0; i < boxed.length; i++) {
            alternative[i] = boxed[i];
        }
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
                                                                    k -> Key.of(k, keys.size())))
                                            .toArray(Key[]::new);
                });
        int[][] needs = alternatives.toArray(int[][]::new);
        return new AuditScreen(texts, keysOf, needs, keys.size());
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
     * that needs it may still pass.
     */
    boolean mayPass(List<AuditRecord> records) {
        if (++event == 0) {
            Arrays.fill(testedIn, 0);
            Arrays.fill(keyTestedIn, 0);
            event = 1;
        }
        if (piecesMatter && hasArgumentPiece(records)) {
            return true; // a literal may straddle two pieces
        }
        for (int[] alternative : alternatives) {
            if (passes(alternative, records)) {
                return true;
            }
        }
        return false;
    }

    private boolean passes(int[] alternative, List<AuditRecord> records) {
        for (int id : alternative) {
            if (testedIn[id] != event) {
                testedIn[id] = event;
                found[id] = lookFor(id, records);
            }
            if (!found[id]) {
                return false;
            }
        }
        return true;
    }

    /** Whether literal {@code id} is in the values that may give its fields. */
    private boolean lookFor(int id, List<AuditRecord> records) {
        String literal = literals[id];
        Key[] keys = keysOf[id];
        if (keys == null) {
            return anywhereIn(records, literal);
        }
        for (AuditRecord record : records) {
            if (ofType[id]
                    && indexOfFolded(record.type(), 0, record.type().length(), literal) >= 0) {
                return true;
            }
        }
        for (Key key : keys) {
            if (!present(key, records)) {
                continue;
            }
            for (AuditRecord record : records) {
                if (inValuesOf(key, record, literal, false)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code key} occurs in the event, looked for once per event. */
    private boolean present(Key key, List<AuditRecord> records) {
        if (keyTestedIn[key.index] != event) {
            keyTestedIn[key.index] = event;
            boolean present = false;
            for (AuditRecord record : records) {
                present |= !present && inValuesOf(key, record, null, true);
            }
            keyPresent[key.index] = present;
        }
        return keyPresent[key.index];
    }

    /**
     * Whether {@code literal} is in a value of {@code key} in the body of {@code record} (when
     * {@code any}, whether the key occurs at all). Occurrences are found by the key's anchor (a
     * fast string search) and then checked: a key starts after a character that cannot be part of a
     * key and ends at {@code =}.
     */
    private static boolean inValuesOf(Key key, AuditRecord record, String literal, boolean any) {
        String text = record.text();
        int from = record.bodyStart();
        int n = text.length();
        for (int at = text.indexOf(key.anchor, from);
                at >= 0;
                at = text.indexOf(key.anchor, at + 1)) {
            int start = at - key.anchorOffset;
            int eq = start + key.name.length();
            if (start >= from
                    && eq < n
                    && text.charAt(eq) == '='
                    && (start == 0 || !FieldScanner.isKeyChar(text.charAt(start - 1)))
                    && sameCleaned(key.name, text, start)
                    && (any || inValue(text, eq + 1, record.interpreted(), literal))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasArgumentPiece(List<AuditRecord> records) {
        for (AuditRecord record : records) {
            if (hasArgumentPiece(record.text(), record.bodyStart())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the body of a record holds a piece of a long argument: a key {@code aN[i]}. */
    private static boolean hasArgumentPiece(String text, int from) {
        for (int at = text.indexOf('[', from); at >= 0; at = text.indexOf('[', at + 1)) {
            int start = at - 1;
            while (start >= from && text.charAt(start) >= '0' && text.charAt(start) <= '9') {
                start--;
            }
            if (start < at - 1
                    && start >= from
                    && text.charAt(start) == 'a'
                    && (start == from || !FieldScanner.isKeyChar(text.charAt(start - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code literal} is in the value that starts at {@code v}, as written or hex. */
    private static boolean inValue(String text, int v, boolean interpreted, String literal) {
        int n = text.length();
        int start = v;
        int end;
        char first = v < n ? text.charAt(v) : 0;
        if (first == '"' || first == '\'') {
            start = v + 1;
            end = text.indexOf(first, start);
            end = end < 0 ? n : end;
        } else if (interpreted) {
            end = n; // printed values hold spaces; the next key ends them, at most the line
        } else {
            end = text.indexOf(' ', v);
            end = end < 0 ? n : end;
        }
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
            char cleaned = c == '-' || c == '[' || c == ']' || c == '.' ? '_' : c;
            if (name.charAt(i) != cleaned) {
                return false;
            }
        }
        return true;
    }

    /**
     * A record key (as cleaned) that literals are bound to, and the longest part of it without
     * {@code _}, which is written as it is in every record key that cleans to it.
     */
    private record Key(String name, String anchor, int anchorOffset, int index) {

        static Key of(String name, int index) {
            int bestStart = 0;
            int bestLength = -1;
            for (int start = 0; start <= name.length(); ) {
                int end = name.indexOf('_', start);
                end = end < 0 ? name.length() : end;
                if (end - start > bestLength) {
                    bestStart = start;
                    bestLength = end - start;
                }
                start = end + 1;
            }
            if (bestLength == 0) {
                return new Key(name, "=", name.length(), index); // a key of '_' only
            }
            String anchor = name.substring(bestStart, bestStart + bestLength);
            return new Key(name, anchor, bestStart, index);
        }
    }
}
