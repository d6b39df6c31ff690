package dev.atwatch.spl.eval;

/**
 * A search value pattern: {@code *} matches any run of characters, everything else matches itself
 * ignoring case (see {@link CaseFold}). A whole-value glob must cover the entire value; a contains
 * glob may match anywhere.
 */
final class Glob {

    /** Pieces between stars, as written and folded; the same length each. */
    private final String[] written;

    private final String[] folded;
    private final boolean star;

    private Glob(String pattern) {
        this.written = pattern.split("\\*", -1);
        this.folded = new String[written.length];
        for (int i = 0; i < written.length; i++) {
            folded[i] = CaseFold.fold(written[i]);
        }
        this.star = written.length > 1;
    }

    /** A glob over the whole value. */
    static Glob whole(String pattern) {
        return new Glob(pattern);
    }

    /** A glob that may match anywhere in the value. */
    static Glob contains(String pattern) {
        return new Glob("*" + pattern + "*");
    }

    boolean matches(String value) {
        if (!star) {
            return value.length() == folded[0].length()
                    && (value.equals(written[0]) || CaseFold.regionMatches(value, 0, folded[0]));
        }
        int lastPiece = folded.length - 1;
        int end = value.length() - folded[lastPiece].length();
        if (end < folded[0].length() || !region(value, 0, 0) || !region(value, end, lastPiece)) {
            return false;
        }
        int pos = folded[0].length();
        for (int i = 1; i < lastPiece; i++) {
            int at = CaseFold.indexOf(value, folded[i], pos, end);
            if (at < 0) {
                return false;
            }
            pos = at + folded[i].length();
        }
        return true;
    }

    /** Whether piece {@code i} occurs at {@code offset}: as written (fast), else folded. */
    private boolean region(String value, int offset, int i) {
        return value.startsWith(written[i], offset)
                || CaseFold.regionMatches(value, offset, folded[i]);
    }
}
