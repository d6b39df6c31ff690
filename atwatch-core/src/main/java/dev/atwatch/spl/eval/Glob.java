package dev.atwatch.spl.eval;

/**
 * A search value pattern: {@code *} matches any run of characters, everything else matches itself
 * ignoring case (see {@link CaseFold}). A whole-value glob must cover the entire value; a contains
 * glob may match anywhere.
 */
final class Glob {

    private final String first;
    private final String last;
    private final String[] middle;
    private final boolean star;

    private Glob(String pattern) {
        String folded = CaseFold.fold(pattern);
        String[] parts = folded.split("\\*", -1);
        this.star = parts.length > 1;
        this.first = parts[0];
        this.last = parts[parts.length - 1];
        this.middle = new String[Math.max(0, parts.length - 2)];
        System.arraycopy(parts, 1, middle, 0, middle.length);
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
            return value.length() == first.length() && CaseFold.regionMatches(value, 0, first);
        }
        int end = value.length() - last.length();
        if (end < first.length()
                || !CaseFold.regionMatches(value, 0, first)
                || !CaseFold.regionMatches(value, end, last)) {
            return false;
        }
        int pos = first.length();
        for (String part : middle) {
            int at = CaseFold.indexOf(value, part, pos, end);
            if (at < 0) {
                return false;
            }
            pos = at + part.length();
        }
        return true;
    }
}
