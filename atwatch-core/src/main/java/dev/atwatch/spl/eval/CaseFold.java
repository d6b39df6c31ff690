package dev.atwatch.spl.eval;

/**
 * Case folding for search values. ASCII letters fold to lower case; other characters fold to their
 * lower case only when that is not ASCII (chosen), so a non-ASCII character never equals an ASCII
 * one. This keeps byte-level prefilters over ASCII literals sound.
 */
final class CaseFold {

    private CaseFold() {}

    static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        char lower = Character.toLowerCase(c);
        return lower < 128 ? c : lower;
    }

    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    /** Whether {@code text} at {@code offset} holds {@code folded} (already folded). */
    static boolean regionMatches(String text, int offset, String folded) {
        if (offset < 0 || offset + folded.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < folded.length(); i++) {
            if (fold(text.charAt(offset + i)) != folded.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first offset at or after {@code from} where {@code folded} occurs, up to {@code limit}.
     */
    static int indexOf(String text, String folded, int from, int limit) {
        int last = limit - folded.length();
        if (folded.isEmpty()) {
            return from <= limit ? from : -1;
        }
        char first = folded.charAt(0);
        for (int i = from; i <= last; i++) {
            if (fold(text.charAt(i)) == first && regionMatches(text, i, folded)) {
                return i;
            }
        }
        return -1;
    }
}
