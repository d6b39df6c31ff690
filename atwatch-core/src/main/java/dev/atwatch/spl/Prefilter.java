package dev.atwatch.spl;

import dev.atwatch.event.FieldAliases;
import dev.atwatch.read.FieldLiterals;
import dev.atwatch.read.RecordFilter;
import dev.atwatch.spl.ast.SearchNode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A sound byte-level test derived from a query's first search: a list of alternatives, each a set
 * of ASCII literals that must all occur (ignoring ASCII case) in an event's raw bytes. An event the
 * full search accepts always passes; some events it rejects may pass too.
 *
 * <p>Literals come from search values and bare terms, cut at characters an encoding may escape, so
 * they hold in JSON, XML and classic-text records alike. Metadata ({@code index}, {@code
 * sourcetype}, {@code source}, {@code host}) gives none, as it is not in the raw record, nor do
 * numbers, hexadecimal, GUIDs, SIDs, times and booleans, which binary formats store typed. For
 * UTF-16LE (EVTX string values) bare terms give none either, since the rendered {@code _raw} holds
 * markup the binary record does not. The prefilter assumes field values appear in the raw record,
 * possibly escaped: it must not be applied to records whose fields are decoded from another
 * encoding (such as the hex-encoded arguments of audit records).
 *
 * <p>Text formats can spell any character another way: JSON by its hexadecimal code after a
 * backslash and {@code u}, XML by a decimal or hexadecimal character reference or inside a CDATA
 * section (whose end may cut a literal). The literals cannot see through these, so a JSON or XML
 * record that holds one passes whole; the five predefined XML entities stand for characters at
 * which literals are cut already. The check runs only on records the literals would drop.
 *
 * <p>For such formats, {@link #withFields} adds a {@link FieldLiterals field form}: the same
 * alternatives, each literal bound to the fields it was compared with, which a reader that knows
 * how its format writes and derives each field can look for in the right values.
 *
 * <p>Immutable and thread-safe; the tests allocate nothing.
 */
public final class Prefilter implements RecordFilter {

    /** Most distinct literals kept (each gets one bit of a mask). */
    static final int MAX_LITERALS = 64;

    /** The forms of the byte-level test, in the order the constructor takes their masks. */
    private static final PrefilterLiterals.Form[] BYTE_FORMS = {
        PrefilterLiterals.Form.ANY,
        PrefilterLiterals.Form.JSON,
        PrefilterLiterals.Form.XML,
        PrefilterLiterals.Form.UTF16
    };

    private static final byte[] LOWER = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            LOWER[i] = (byte) (i >= 'A' && i <= 'Z' ? i + 32 : i);
        }
    }

    /** The names, with their semicolon, of the entities XML predefines. */
    private static final byte[][] PREDEFINED_ENTITIES = {
        ascii("amp;"), ascii("lt;"), ascii("gt;"), ascii("quot;"), ascii("apos;")
    };

    /** Most digits of a well-formed character reference (U+10FFFF is 1114111). */
    private static final int MAX_REFERENCE_DIGITS = 7;

    /** What follows the {@code <!} of a CDATA section. */
    private static final byte[] CDATA = ascii("[CDATA[");

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long BROADCAST = 0x0101010101010101L;
    private static final long AMPERSANDS = 0x2626262626262626L;
    private static final long BANGS = 0x2121212121212121L;
    private static final long BACKSLASHES = 0x5c5c5c5c5c5c5c5cL;

    private final byte[][] literals;
    private final long[] alternatives;
    private final long[] jsonAlternatives;
    private final long[] xmlAlternatives;
    private final long[] utf16Alternatives;
    private final boolean acceptsAll;
    private final FieldLiterals fieldLiterals;

    private Prefilter(byte[][] literals, long[][] masks, FieldLiterals fieldLiterals) {
        this.literals = literals;
        this.fieldLiterals = fieldLiterals;
        this.alternatives = masks[0];
        this.jsonAlternatives = masks[1];
        this.xmlAlternatives = masks[2];
        this.utf16Alternatives = masks[3];
        boolean all = true;
        for (long[] form : masks) {
            all &= form == null;
        }
        this.acceptsAll = all && fieldLiterals == null;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The prefilter of a search; {@code null} (no search) accepts everything. */
    static Prefilter of(SearchNode search) {
        PrefilterLiterals.Form[] forms = BYTE_FORMS;
        if (search == null) {
            return new Prefilter(new byte[0][], new long[forms.length][], null);
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        long[][] masks = new long[forms.length][];
        for (int i = 0; i < forms.length; i++) {
            masks[i] = masks(withoutImplied(PrefilterLiterals.alternatives(search, forms[i])), ids);
        }
        byte[][] literals = new byte[ids.size()][];
        ids.forEach((literal, id) -> literals[id] = literal.getBytes(StandardCharsets.US_ASCII));
        return new Prefilter(literals, masks, null);
    }

    /**
     * This prefilter with the field form of {@code search} added, whose literals name each compared
     * field and the sources {@code aliases} reads it from (pass the run's active aliases).
     */
    Prefilter withFields(SearchNode search, FieldAliases aliases) {
        List<Set<FieldLiterals.Literal>> alternatives =
                search == null ? null : PrefilterLiterals.fieldAlternatives(search, aliases);
        FieldLiterals fields =
                alternatives == null
                        ? null
                        : new FieldLiterals(alternatives.stream().map(List::copyOf).toList());
        long[][] masks = {this.alternatives, jsonAlternatives, xmlAlternatives, utf16Alternatives};
        return new Prefilter(literals, masks, fields);
    }

    @Override
    public Optional<FieldLiterals> fieldLiterals() {
        return Optional.ofNullable(fieldLiterals);
    }

    /**
     * The alternatives without those another implies: when every literal of {@code b} is part of a
     * literal of {@code a} (as {@code \\at} of {@code \\at.exe}), a record that passes by {@code a}
     * passes by {@code b} too, so {@code a} needs no test of its own. Of equal alternatives the
     * first is kept.
     */
    static List<Set<String>> withoutImplied(List<Set<String>> alternatives) {
        if (alternatives == null) {
            return null;
        }
        List<Set<String>> kept = new ArrayList<>();
        for (int i = 0; i < alternatives.size(); i++) {
            Set<String> a = alternatives.get(i);
            boolean implied = false;
            for (int j = 0; j < alternatives.size() && !implied; j++) {
                Set<String> b = alternatives.get(j);
                implied = j != i && partOf(b, a) && (j < i || !partOf(a, b));
            }
            if (!implied) {
                kept.add(a);
            }
        }
        return kept;
    }

    /** Whether every literal of {@code b} is part of some literal of {@code a}. */
    private static boolean partOf(Set<String> b, Set<String> a) {
        for (String needed : b) {
            if (a.stream().noneMatch(literal -> literal.contains(needed))) {
                return false;
            }
        }
        return true;
    }

    /** Masks of literal ids; {@code null} when some alternative ends up without a literal. */
    private static long[] masks(List<Set<String>> alternatives, Map<String, Integer> ids) {
        if (alternatives == null) {
            return null;
        }
        long[] masks = new long[alternatives.size()];
        for (int i = 0; i < masks.length; i++) {
            for (String literal : alternatives.get(i)) {
                Integer id = ids.get(literal);
                if (id == null && ids.size() < MAX_LITERALS) {
                    id = ids.size();
                    ids.put(literal, id);
                }
                if (id != null) {
                    masks[i] |= 1L << id;
                }
            }
            if (masks[i] == 0) {
                return null;
            }
        }
        return masks;
    }

    /**
     * True when some encoding gives no literal to look for, so that the filter passes every record
     * of that encoding.
     */
    @Override
    public boolean acceptsEverything() {
        return acceptsAll;
    }

    /** The alternatives as literal sets, for display; empty when everything is accepted. */
    public List<Set<String>> alternatives() {
        return describe(alternatives);
    }

    /** The alternatives applied to UTF-16LE bytes. */
    public List<Set<String>> utf16Alternatives() {
        return describe(utf16Alternatives);
    }

    private List<Set<String>> describe(long[] masks) {
        if (masks == null) {
            return List.of();
        }
        List<Set<String>> result = new ArrayList<>();
        for (long mask : masks) {
            Set<String> set = new java.util.TreeSet<>();
            for (long m = mask; m != 0; m &= m - 1) {
                set.add(
                        new String(
                                literals[Long.numberOfTrailingZeros(m)],
                                StandardCharsets.US_ASCII));
            }
            result.add(Collections.unmodifiableSet(set));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * Whether the event whose ASCII/UTF-8 raw bytes are {@code bytes[offset, offset+length)} may
     * match, whether they hold JSON, XML or plain text.
     */
    public boolean mayMatch(byte[] bytes, int offset, int length) {
        return alternatives == null
                || test(alternatives, bytes, offset, length, false)
                || spellsCharacters(bytes, offset, length, true, true);
    }

    /**
     * Whether the event whose raw bytes, in {@code encoding}, are {@code bytes[offset,
     * offset+length)} may match. Literals follow the encoding: in JSON a backslash of a value is
     * looked for doubled, in XML and UTF-16 as it is, which keeps a literal such as {@code \at}
     * whole where the encoding-neutral test would cut it.
     */
    @Override
    public boolean mayMatch(Encoding encoding, byte[] bytes, int offset, int length) {
        return switch (encoding) {
            case JSON ->
                    jsonAlternatives == null
                            || test(jsonAlternatives, bytes, offset, length, false)
                            || spellsCharacters(bytes, offset, length, true, false);
            case XML ->
                    xmlAlternatives == null
                            || test(xmlAlternatives, bytes, offset, length, false)
                            || spellsCharacters(bytes, offset, length, false, true);
            case UTF16LE -> mayMatchUtf16le(bytes, offset, length);
        };
    }

    /**
     * Whether the record may spell a character of a value otherwise than as itself. In JSON: an
     * escape by code, or (for the event XML a Splunk export carries in {@code _raw}) a character
     * reference or CDATA section; in XML: a reference or entity other than the predefined five, or
     * a CDATA section. {@code json} and {@code xml} say which to look for. A well-formed escape or
     * reference to a character no literal holds (a control character such as the {@code &#13;} of a
     * line break, or any non-ASCII character) spells nothing a literal looks for.
     */
    static boolean spellsCharacters(
            byte[] bytes, int offset, int length, boolean json, boolean xml) {
        int end = offset + length;
        int backslashes = 0;
        int i = offset;
        while (i < end) {
            // Words without an ampersand, a bang (of <![CDATA[) or, in JSON, a backslash hold
            // nothing to look at, unless they follow a backslash: skip them eight at a time.
            if (backslashes == 0
                    && i + Long.BYTES <= end
                    && plainWord((long) LONGS.get(bytes, i), json)) {
                i += Long.BYTES;
                continue;
            }
            byte b = bytes[i];
            if (b == '\\' && json) {
                backslashes++;
                i++;
                continue;
            }
            boolean spelled =
                    switch (b) {
                        case 'u' -> (backslashes & 1) == 1 && inLiterals(jsonEscape(bytes, i, end));
                        case '&' -> reference(bytes, i, end, xml);
                        case '!' -> i > offset && bytes[i - 1] == '<' && cdata(bytes, i, end);
                        default -> false;
                    };
            if (spelled) {
                return true;
            }
            backslashes = 0;
            i++;
        }
        return false;
    }

    private static boolean plainWord(long word, boolean json) {
        return !hasByte(word, AMPERSANDS)
                && !hasByte(word, BANGS)
                && !(json && hasByte(word, BACKSLASHES));
    }

    /** Whether any byte of {@code word} equals the byte repeated in {@code pattern}. */
    private static boolean hasByte(long word, long pattern) {
        long x = word ^ pattern;
        return ((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) != 0;
    }

    /** Whether the {@code !} at {@code at} opens a CDATA section. */
    private static boolean cdata(byte[] bytes, int at, int end) {
        return startsWith(bytes, at + 1, end, CDATA);
    }

    /**
     * Whether the {@code &} at {@code at} may spell a literal's character: a character reference to
     * one, a malformed reference, or (when {@code named}) an entity the XML does not predefine.
     */
    private static boolean reference(byte[] bytes, int at, int end, boolean named) {
        if (at + 1 < end && bytes[at + 1] == '#') {
            return inLiterals(characterReference(bytes, at + 2, end));
        }
        return named && !predefinedEntity(bytes, at + 1, end);
    }

    /** Whether code point {@code c} (-1 for a malformed spelling) may be part of a literal. */
    private static boolean inLiterals(int c) {
        return c < 0 || c >= 0x20 && c < 0x7f;
    }

    /** The value of the four hex digits after the {@code u} at {@code at}, or -1. */
    private static int jsonEscape(byte[] bytes, int at, int end) {
        if (end - at < 5) {
            return -1;
        }
        int value = 0;
        for (int k = at + 1; k <= at + 4; k++) {
            int digit = Character.digit(bytes[k], 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** The code point of the reference whose digits start at {@code from}, or -1. */
    private static int characterReference(byte[] bytes, int from, int end) {
        int radix = 10;
        int i = from;
        if (i < end && bytes[i] == 'x') {
            radix = 16;
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < end && bytes[i] != ';'; i++) {
            int digit = Character.digit(bytes[i], radix);
            if (digit < 0 || ++digits > MAX_REFERENCE_DIGITS) {
                return -1;
            }
            value = value * radix + digit;
        }
        return i < end && digits > 0 ? (int) value : -1;
    }

    private static boolean predefinedEntity(byte[] bytes, int from, int end) {
        for (byte[] name : PREDEFINED_ENTITIES) {
            if (startsWith(bytes, from, end, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int from, int end, byte[] prefix) {
        if (end - from < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (bytes[from + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the event whose UTF-16LE bytes are {@code bytes[offset, offset+length)} may match.
     */
    public boolean mayMatchUtf16le(byte[] bytes, int offset, int length) {
        return utf16Alternatives == null || test(utf16Alternatives, bytes, offset, length, true);
    }

    private boolean test(long[] masks, byte[] bytes, int offset, int length, boolean utf16) {
        long tested = 0;
        long found = 0;
        for (long mask : masks) {
            boolean all = true;
            for (long need = mask; need != 0; need &= need - 1) {
                int id = Long.numberOfTrailingZeros(need);
                long bit = 1L << id;
                if ((tested & bit) == 0) {
                    tested |= bit;
                    boolean present =
                            utf16
                                    ? containsUtf16(bytes, offset, length, literals[id])
                                    : contains(bytes, offset, length, literals[id]);
                    found |= present ? bit : 0;
                }
                if ((found & bit) == 0) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code literal} (lower case) occurs in the range, ignoring ASCII case. Words of eight
     * bytes that hold neither case of the literal's first byte cannot start a match and are skipped
     * whole.
     */
    private static boolean contains(byte[] bytes, int offset, int length, byte[] literal) {
        int end = offset + length;
        int last = end - literal.length;
        byte first = literal[0];
        long lower = BROADCAST * (first & 0xff);
        long upper = first >= 'a' && first <= 'z' ? BROADCAST * (first - 32) : lower;
        int i = offset;
        while (i <= last) {
            if (i + Long.BYTES <= end) {
                long word = (long) LONGS.get(bytes, i);
                if (!hasByte(word, lower) && !hasByte(word, upper)) {
                    i += Long.BYTES;
                    continue;
                }
            }
            if (LOWER[bytes[i] & 0xff] == first && matchesAt(bytes, i, literal)) {
                return true;
            }
            i++;
        }
        return false;
    }

    private static boolean matchesAt(byte[] bytes, int at, byte[] literal) {
        for (int j = 1; j < literal.length; j++) {
            if (LOWER[bytes[at + j] & 0xff] != literal[j]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsUtf16(byte[] bytes, int offset, int length, byte[] literal) {
        int last = offset + length - 2 * literal.length;
        byte first = literal[0];
        for (int i = offset; i <= last; i++) {
            if (LOWER[bytes[i] & 0xFF] != first || bytes[i + 1] != 0) {
                continue;
            }
            int j = 1;
            while (j < literal.length
                    && LOWER[bytes[i + 2 * j] & 0xFF] == literal[j]
                    && bytes[i + 2 * j + 1] == 0) {
                j++;
            }
            if (j == literal.length) {
                return true;
            }
        }
        return false;
    }
}
