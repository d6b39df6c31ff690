package dev.atwatch.spl.ast;

/** One key of {@code sort}: a field, its direction, and how its values compare. */
public record SortKey(String field, boolean descending, Kind kind, Span span) {

    /** How values compare: numbers before strings ({@code AUTO}), as numbers, or as strings. */
    public enum Kind {
        AUTO,
        NUM,
        STR
    }
}
