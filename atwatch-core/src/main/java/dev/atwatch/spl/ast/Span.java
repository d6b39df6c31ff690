package dev.atwatch.spl.ast;

/** A range of the (macro-expanded) query text: offsets {@code start} inclusive, {@code end} not. */
public record Span(int start, int end) {

    /** The span from the start of {@code a} to the end of {@code b}. */
    public static Span cover(Span a, Span b) {
        return new Span(Math.min(a.start, b.start), Math.max(a.end, b.end));
    }
}
