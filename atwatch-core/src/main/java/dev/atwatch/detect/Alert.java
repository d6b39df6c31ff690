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
     * The at job the alert's event creates, lists or deletes, as the {@code Job*} fields of {@link
     * dev.atwatch.atjob.AtJob#alertFields()}; empty when the row shows no at invocation.
     *
     * <p>A PowerShell script block ({@code ScriptBlockText}, or the {@code CommandLine} of an Event
     * ID 4104 row or of a row without an {@code Image}, where rules put the script) is read as
     * script text; a process command line is read with its {@code Image} and, for renamed copies of
     * at.exe, wmic or PowerShell, Sysmon's {@code OriginalFileName}.
     */
    public Map<String, String> jobFields() {
        return job().asJob().map(AtJob::alertFields).orElse(Map.of());
    }

    private AtJobResult job() {
        String script = text("ScriptBlockText");
        if (script != null) {
            return AtJobs.parseScript(script);
        }
        String commandLine = text("CommandLine");
        if (commandLine == null) {
            return new AtJobResult.NotAJob("no command line");
        }
        String image = text("Image");
        if ("4104".equals(text("EventCode"))) {
            return AtJobs.parseScript(commandLine);
        }
        AtJobResult result = AtJobs.parse(commandLine, image, text("OriginalFileName"));
        if (result instanceof AtJobResult.NotAJob && image == null) {
            return AtJobs.parseScript(commandLine);
        }
        return result;
    }

    private String text(String field) {
        FieldValue value = fields.get(field);
        return value == null ? null : value.asString();
    }

    /** The {@code source} column of an alert: file and record or line, or empty. */
    public String sourceText() {
        return provenance == null ? "" : provenance.describe();
    }
}
