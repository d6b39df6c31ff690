package dev.atwatch.spl;

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
 */
public record Results(
        List<String> columns, List<Row> rows, List<String> notes, Map<String, Long> aliasHits) {

    public Results {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        aliasHits = Map.copyOf(aliasHits);
    }
}
