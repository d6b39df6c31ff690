package dev.atwatch.spl;

import dev.atwatch.spl.ast.Span;
import java.util.List;
import java.util.Map;

/**
 * The results of a run.
 *
 * @param columns the order {@code table} or {@code fields} fixed, or else every field name in
 *     first-seen order
 * @param rows the result rows, in order
 * @param notes things a user should know, such as rows cut by {@code sort}'s default limit
 * @param aliasHits per alias description (such as {@code Image<-NewProcessName}), the number of
 *     events whose result it changed; empty under Splunk semantics
 * @param aliasPlaces per alias description of {@code aliasHits} (when known), the first place of
 *     the query text where it changed a result: the search term or the eval or where field read
 */
public record Results(
        List<String> columns,
        List<Row> rows,
        List<String> notes,
        Map<String, Long> aliasHits,
        Map<String, Span> aliasPlaces) {

    public Results {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        aliasHits = Map.copyOf(aliasHits);
        aliasPlaces = Map.copyOf(aliasPlaces);
    }

    /** Results whose alias hits are not placed in the query text. */
    public Results(
            List<String> columns, List<Row> rows, List<String> notes, Map<String, Long> aliasHits) {
        this(columns, rows, notes, aliasHits, Map.of());
    }
}
