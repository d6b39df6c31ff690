package dev.atwatch.spl.ast;

/**
 * One aggregation of {@code stats}: {@code function(field) AS alias}.
 *
 * @param function the function name, lower case
 * @param field the field, or {@code null} for a bare {@code count}
 * @param alias the output name given with {@code AS}, or {@code null}
 */
public record Aggregation(String function, String field, String alias, Span span) {

    /** The output field name: the alias, or {@code function(field)}, or {@code count}. */
    public String outputName() {
        if (alias != null) {
            return alias;
        }
        return field == null ? function : function + "(" + field + ")";
    }
}
