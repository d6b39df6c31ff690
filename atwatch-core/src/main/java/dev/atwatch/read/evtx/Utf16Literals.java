package dev.atwatch.read.evtx;

import java.util.List;

/**
 * A {@link RecordFilter} that passes bytes containing, at any byte offset, the UTF-16LE encoding of
 * at least one of a few literals, ignoring ASCII case. The search tries every byte offset, as
 * {@link RecordFilter} requires, because values start at arbitrary offsets in a record.
 */
public final class Utf16Literals implements RecordFilter {

    /** Per literal: its UTF-16LE bytes with ASCII letters lower-cased. */
    private final byte[][] patterns;

    private Utf16Literals(byte[][] patterns) {
        this.patterns = patterns;
    }

    /**
     * A filter for {@code literals}, each non-empty.
     *
     * @throws IllegalArgumentException when there is no literal or one is empty
     */
    public static Utf16Literals of(List<String> literals) {
        if (literals.isEmpty()) {
            throw new IllegalArgumentException("a literal filter needs at least one literal");
        }
        byte[][] patterns = new byte[literals.size()][];
        for (int i = 0; i < patterns.length; i++) {
            String literal = literals.get(i);
            if (literal.isEmpty()) {
                throw new IllegalArgumentException("a filter literal must not be empty");
            }
            patterns[i] = utf16(literal);
        }
        return new Utf16Literals(patterns);
    }

    private static byte[] utf16(String literal) {
        String lower = asciiLower(literal);
        byte[] bytes = new byte[2 * lower.length()];
        for (int i = 0; i < lower.length(); i++) {
            bytes[2 * i] = (byte) lower.charAt(i);
            bytes[2 * i + 1] = (byte) (lower.charAt(i) >>> 8);
        }
        return bytes;
    }

    private static String asciiLower(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            lower.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return lower.toString();
    }

    @Override
    public boolean mayMatch(byte[] bytes, int offset, int length) {
        for (byte[] pattern : patterns) {
            if (indexOf(bytes, offset, offset + length, pattern) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** First offset of {@code pattern} in {@code [from, to)}, folding ASCII upper case. */
    private static int indexOf(byte[] bytes, int from, int to, byte[] pattern) {
        byte first = pattern[0];
        int last = to - pattern.length;
        for (int i = from; i <= last; i++) {
            if (lower(bytes[i]) != first) {
                continue;
            }
            int j = 1;
            while (j < pattern.length && lower(bytes[i + j]) == pattern[j]) {
                j++;
            }
            if (j == pattern.length) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Folds an ASCII upper-case byte. Folding also the high byte of a UTF-16 unit is harmless: it
     * can only make the filter pass more, never less.
     */
    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    @Override
    public String toString() {
        return "Utf16Literals[" + patterns.length + " literals]";
    }
}
