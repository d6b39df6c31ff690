package dev.atwatch.read.evtx;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Renders substitution values as Windows renders them in event XML: decimal integers, {@code 0x}
 * lower-case hex for hex integers and sizes, {@code {XXXXXXXX-...}} upper-case GUIDs, {@code
 * S-1-5-18} SIDs, {@code 2021-10-01T17:30:39.1234567Z} times, upper-case hex for binary data,
 * {@code true}/{@code false} for booleans. Strings lose their trailing NUL characters.
 */
final class ValueFormat {

    private static final Charset ANSI = Charset.forName("windows-1252");
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
    private static final long FILETIME_EPOCH_SECONDS = 11_644_473_600L;

    private ValueFormat() {}

    /** Decodes {@code count} UTF-16LE code units at {@code at}, dropping trailing NULs. */
    static String utf16(byte[] b, int at, int count) {
        int n = count;
        while (n > 0 && b[at + 2 * n - 2] == 0 && b[at + 2 * n - 1] == 0) {
            n--;
        }
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = (char) ((b[at + 2 * i] & 0xff) | (b[at + 2 * i + 1] & 0xff) << 8);
        }
        return new String(chars);
    }

    /** The size in bytes of one item of an array of {@code type}, or 0 for variable items. */
    static int itemSize(int type, int totalSize) {
        return switch (type & 0x7f) {
            case 0x03, 0x04 -> 1;
            case 0x05, 0x06 -> 2;
            case 0x07, 0x08, 0x0b, 0x0d, 0x14 -> 4;
            case 0x09, 0x0a, 0x0c, 0x11, 0x15 -> 8;
            case 0x0f, 0x12 -> 16;
            case 0x10 -> totalSize % 8 == 0 ? 8 : 4;
            default -> 0;
        };
    }

    /**
     * Splits an array value into its items: returns {@code [start0, end0, start1, end1, ...]}, the
     * byte range of each item.
     */
    static int[] arrayItems(byte[] b, int at, int size, int type, int maxItems) {
        int item = itemSize(type, size);
        int element = type & 0x7f;
        if (item > 0) {
            int count = size / item;
            checkItems(count, maxItems, at);
            int[] ranges = new int[2 * count];
            for (int i = 0; i < count; i++) {
                ranges[2 * i] = at + i * item;
                ranges[2 * i + 1] = at + (i + 1) * item;
            }
            return ranges;
        }
        if (element == TemplateValues.STRING || element == TemplateValues.ANSI_STRING) {
            return terminated(b, at, size, element == TemplateValues.STRING ? 2 : 1, maxItems);
        }
        if (element == 0x13) {
            return sids(b, at, size, maxItems);
        }
        throw BinXmlException.malformed(
                "array of unsupported type 0x" + Integer.toHexString(type), at);
    }

    private static void checkItems(int count, int maxItems, int at) {
        if (count > maxItems) {
            throw new BinXmlException(
                    EvtxReasons.limit(dev.atwatch.read.ReadLimits.VALUES_PER_FIELD),
                    dev.atwatch.read.ReadLimits.exceeded(
                            dev.atwatch.read.ReadLimits.VALUES_PER_FIELD, count, maxItems),
                    at);
        }
    }

    /** Items each ended by a NUL of {@code unit} bytes; a last item without one still counts. */
    private static int[] terminated(byte[] b, int at, int size, int unit, int maxItems) {
        Ranges ranges = new Ranges(maxItems, at);
        int start = at;
        int end = at + size - size % unit;
        for (int p = at; p < end; p += unit) {
            if (b[p] == 0 && (unit == 1 || b[p + 1] == 0)) {
                ranges.add(start, p);
                start = p + unit;
            }
        }
        if (start < end) {
            ranges.add(start, end);
        }
        return ranges.toArray();
    }

    private static int[] sids(byte[] b, int at, int size, int maxItems) {
        Ranges ranges = new Ranges(maxItems, at);
        int p = at;
        int end = at + size;
        while (p + 8 <= end && p + 8 + 4 * (b[p + 1] & 0xff) <= end) {
            int length = 8 + 4 * (b[p + 1] & 0xff);
            ranges.add(p, p + length);
            p += length;
        }
        return ranges.toArray();
    }

    /** A growing list of byte ranges, bounded by the values-per-field limit. */
    private static final class Ranges {
        private int[] pairs = new int[16];
        private int size;
        private final int maxItems;
        private final int at;

        Ranges(int maxItems, int at) {
            this.maxItems = maxItems;
            this.at = at;
        }

        void add(int start, int end) {
            checkItems(size / 2 + 1, maxItems, at);
            if (size + 2 > pairs.length) {
                pairs = java.util.Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[size++] = start;
            pairs[size++] = end;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(pairs, size);
        }
    }

    /**
     * Appends the rendering of a single (non-array) value of {@code type} stored in {@code [at, at
     * + size)}.
     */
    static void append(StringBuilder out, byte[] b, int at, int size, int type) {
        switch (type & 0x7f) {
            case 0x00 -> {}
            case 0x01 -> out.append(utf16(b, at, size / 2));
            case 0x02 -> out.append(ansi(b, at, size));
            case 0x03 -> out.append(b[need(at, size, 1)]);
            case 0x04 -> out.append(b[need(at, size, 1)] & 0xff);
            case 0x05 -> out.append((short) Cursor.u16(b, need(at, size, 2)));
            case 0x06 -> out.append(Cursor.u16(b, need(at, size, 2)));
            case 0x07 -> out.append((int) Cursor.u32(b, need(at, size, 4)));
            case 0x08 -> out.append(Cursor.u32(b, need(at, size, 4)));
            case 0x09 -> out.append(Cursor.u64(b, need(at, size, 8)));
            case 0x0a -> out.append(Long.toUnsignedString(Cursor.u64(b, need(at, size, 8))));
            case 0x0b ->
                    out.append(real(Float.intBitsToFloat((int) Cursor.u32(b, need4(at, size)))));
            case 0x0c ->
                    out.append(real(Double.longBitsToDouble(Cursor.u64(b, need(at, size, 8)))));
            case 0x0d -> out.append(Cursor.u32(b, need(at, size, 4)) != 0 ? "true" : "false");
            case 0x0e, 0x20 -> hexUpper(out, b, at, size);
            case 0x0f -> guid(out, b, need(at, size, 16));
            case 0x10, 0x14, 0x15 -> hex(out, b, at, size);
            case 0x11 -> fileTime(out, Cursor.u64(b, need(at, size, 8)));
            case 0x12 -> systemTime(out, b, need(at, size, 16));
            case 0x13 -> sid(out, b, at, size);
            case 0x23 -> out.append(utf16(b, at, size / 2));
            default ->
                    throw BinXmlException.malformed(
                            "value of unknown type 0x" + Integer.toHexString(type), at);
        }
    }

    private static int need(int at, int size, int needed) {
        if (size < needed) {
            throw BinXmlException.malformed("value of " + size + " bytes, expected " + needed, at);
        }
        return at;
    }

    private static int need4(int at, int size) {
        return need(at, size, 4);
    }

    private static String ansi(byte[] b, int at, int size) {
        int n = size;
        while (n > 0 && b[at + n - 1] == 0) {
            n--;
        }
        return new String(b, at, n, ANSI);
    }

    /** Hex integer of 4 or 8 bytes, lower-case, without leading zeros. */
    private static void hex(StringBuilder out, byte[] b, int at, int size) {
        long value;
        if (size >= 8) {
            value = Cursor.u64(b, at);
        } else if (size >= 4) {
            value = Cursor.u32(b, at);
        } else {
            throw BinXmlException.malformed("hex value of " + size + " bytes", at);
        }
        out.append("0x").append(Long.toHexString(value));
    }

    private static void hexUpper(StringBuilder out, byte[] b, int at, int size) {
        for (int i = 0; i < size; i++) {
            int v = b[at + i] & 0xff;
            out.append(HEX_UPPER[v >>> 4]).append(HEX_UPPER[v & 0xf]);
        }
    }

    private static void guid(StringBuilder out, byte[] b, int at) {
        out.append('{');
        hexDigits(out, Cursor.u32(b, at), 8);
        out.append('-');
        hexDigits(out, Cursor.u16(b, at + 4), 4);
        out.append('-');
        hexDigits(out, Cursor.u16(b, at + 6), 4);
        out.append('-');
        hexUpper(out, b, at + 8, 2);
        out.append('-');
        hexUpper(out, b, at + 10, 6);
        out.append('}');
    }

    private static void hexDigits(StringBuilder out, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX_UPPER[(int) (value >>> shift) & 0xf]);
        }
    }

    /** FILETIME: 100 ns ticks since 1601-01-01 UTC, shown with seven fraction digits. */
    static void fileTime(StringBuilder out, long ticks) {
        long seconds = Long.divideUnsigned(ticks, 10_000_000L) - FILETIME_EPOCH_SECONDS;
        int fraction = (int) Long.remainderUnsigned(ticks, 10_000_000L);
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        dateTime(out, time.getYear(), time.getMonthValue(), time.getDayOfMonth());
        clock(out, time.getHour(), time.getMinute(), time.getSecond());
        out.append('.');
        pad(out, fraction, 7);
        out.append('Z');
    }

    /** SYSTEMTIME: its fields as stored; milliseconds shown as seven fraction digits. */
    private static void systemTime(StringBuilder out, byte[] b, int at) {
        dateTime(out, Cursor.u16(b, at), Cursor.u16(b, at + 2), Cursor.u16(b, at + 6));
        clock(out, Cursor.u16(b, at + 8), Cursor.u16(b, at + 10), Cursor.u16(b, at + 12));
        out.append('.');
        pad(out, Cursor.u16(b, at + 14) * 10_000L, 7);
        out.append('Z');
    }

    private static void dateTime(StringBuilder out, int year, int month, int day) {
        pad(out, year, 4);
        out.append('-');
        pad(out, month, 2);
        out.append('-');
        pad(out, day, 2);
        out.append('T');
    }

    private static void clock(StringBuilder out, int hour, int minute, int second) {
        pad(out, hour, 2);
        out.append(':');
        pad(out, minute, 2);
        out.append(':');
        pad(out, second, 2);
    }

    private static void pad(StringBuilder out, long value, int digits) {
        String text = Long.toString(value);
        for (int i = text.length(); i < digits; i++) {
            out.append('0');
        }
        out.append(text);
    }

    /** SID: revision, sub-authority count, 48-bit big-endian authority, sub-authorities. */
    private static void sid(StringBuilder out, byte[] b, int at, int size) {
        need(at, size, 8);
        int count = b[at + 1] & 0xff;
        need(at, size, 8 + 4 * count);
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = authority << 8 | (b[at + i] & 0xff);
        }
        out.append("S-").append(b[at] & 0xff).append('-');
        if (authority >= 1L << 32) {
            out.append("0x");
            hexDigits(out, authority, 12);
        } else {
            out.append(authority);
        }
        for (int i = 0; i < count; i++) {
            out.append('-').append(Cursor.u32(b, at + 8 + 4 * i));
        }
    }

    /** Floating point as the event log shows it: integers without fraction, else plain digits. */
    private static String real(double value) {
        if (Double.isNaN(value)) {
            return "-1.#IND";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "1.#INF" : "-1.#INF";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static String real(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return real((double) value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }
}
