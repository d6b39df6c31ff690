package dev.atwatch.detect;

import dev.atwatch.atjob.AtJob;
import dev.atwatch.atjob.AtJobResult;
import dev.atwatch.atjob.AtJobs;
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

    /**
     * The at job the alert's command line creates, lists or deletes, as the {@code Job*} fields of
     * {@link dev.atwatch.atjob.AtJob#alertFields()}; empty when the row has no command line or the
     * command line is not an at invocation.
     */
    public Map<String, String> jobFields() {
        FieldValue commandLine = fields.get("CommandLine");
        if (commandLine == null) {
            return Map.of();
        }
        FieldValue image = fields.get("Image");
        AtJobResult result =
                AtJobs.parse(commandLine.asString(), image == null ? null : image.asString());
        return result.asJob().map(AtJob::alertFields).orElse(Map.of());
    }

    /** The {@code source} column of an alert: file and record or line, or empty. */
    public String sourceText() {
        return provenance == null ? "" : provenance.describe();
    }
}
