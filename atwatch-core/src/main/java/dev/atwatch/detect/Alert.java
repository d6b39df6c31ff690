package dev.atwatch.detect;

import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Provenance;
import java.util.Map;

/**
 * One result row of a rule: the row's fields in the rule's column order, the rule that produced it
 * and where its event was read.
 *
 * @param provenance the event's location, or {@code null} for aggregated rows
 */
public record Alert(Rule rule, Map<String, FieldValue> fields, Provenance provenance) {

    /** The {@code source} column of an alert: file and record or line, or empty. */
    public String sourceText() {
        return provenance == null ? "" : provenance.describe();
    }
}
