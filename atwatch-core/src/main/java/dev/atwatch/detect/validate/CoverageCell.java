package dev.atwatch.detect.validate;

/**
 * One cell of a coverage matrix: a test, a telemetry source, a rule and the verdict.
 *
 * @param test the test's id
 * @param source the telemetry source's name
 * @param rule the rule's id, or {@code null} for the cell that marks a blind source
 * @param verdict detected, blind or missed
 * @param expected whether the manifest expects this rule to detect the test in this source
 * @param rows how many rows the rule returned
 * @param maxScore the highest {@code SuspicionScore} among those rows, or {@code null} when no row
 *     had a numeric score
 * @param note the manifest's remark (or blindness reason) for the source, or {@code null}
 */
public record CoverageCell(
        String test,
        String source,
        String rule,
        Verdict verdict,
        boolean expected,
        long rows,
        Double maxScore,
        String note) {}
