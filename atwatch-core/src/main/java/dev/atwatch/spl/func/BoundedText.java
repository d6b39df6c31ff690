package dev.atwatch.spl.func;

/**
 * Text handed to a regular expression with a budget of character reads, so that a pattern that
 * backtracks catastrophically on attacker-written event text stops instead of hanging the run. When
 * the budget is spent, reads throw {@link Exhausted}; callers treat that as "no answer" (NULL).
 */
final class BoundedText implements CharSequence {

    /** Reads allowed per character of text, on top of a fixed allowance. */
    static final long READS_PER_CHAR = 200;

    /** Reads allowed whatever the length. */
    static final long BASE_READS = 1_000_000;

    private final String text;
    private final int start;
    private final int end;
    private final long[] budget;

    private BoundedText(String text, int start, int end, long[] budget) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.budget = budget;
    }

    static BoundedText of(String text) {
        long reads = BASE_READS + READS_PER_CHAR * text.length();
        return new BoundedText(text, 0, text.length(), new long[] {reads});
    }

    @Override
    public char charAt(int index) {
        if (--budget[0] < 0) {
            throw new Exhausted();
        }
        return text.charAt(start + index);
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new BoundedText(text, start + from, start + to, budget);
    }

    @Override
    public String toString() {
        return text.substring(start, end);
    }

    /** The read budget is spent. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("regular expression read budget spent", null, false, false);
        }
    }
}
