package dev.atwatch.spl.check;

/** Edit distance for "did you mean" suggestions. */
final class Suggestions {

    private Suggestions() {}

    /** The Levenshtein distance between two short names. */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3 || a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
