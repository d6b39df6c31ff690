package dev.atwatch.output.html;

import java.util.List;
import java.util.Map;

/**
 * One alert with its evidence.
 *
 * @param time the event time in epoch seconds, or {@code null} when the row has none
 * @param fields the row's fields in column order, each as its values shown as text
 * @param source the file and record the event was read from, or empty for aggregated rows
 * @param raw the event's {@code _raw}, or {@code null} when it was not kept
 * @param explain why the rule fired, or {@code null} when not worked out
 * @param atJob the at job read from the command line ({@code JobTime}, {@code JobCommand}, ...),
 *     empty when the command line is not an at invocation
 * @param atJobNotes problems met reading the job, or why the command line is not a job
 * @param suppressedBy the id of the suppression entry that held the alert back, or {@code null}
 */
public record ReportAlert(
        String ruleId,
        String ruleName,
        String severity,
        Double time,
        Map<String, List<String>> fields,
        String source,
        String raw,
        Explanation explain,
        Map<String, String> atJob,
        List<String> atJobNotes,
        String suppressedBy) {

    public ReportAlert {
        fields = fields == null ? Map.of() : fields;
        source = source == null ? "" : source;
        atJob = atJob == null ? Map.of() : atJob;
        atJobNotes = atJobNotes == null ? List.of() : List.copyOf(atJobNotes);
    }

    /** The first value of {@code name}, or empty. */
    public String field(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** {@code SuspicionScore} as a whole number; 0 when absent or not a number. */
    public int score() {
        try {
            return (int) Math.round(Double.parseDouble(field("SuspicionScore")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
