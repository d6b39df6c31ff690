package dev.atwatch.detect;

import java.util.List;

/**
 * A detection rule of a rule pack: a search written in SPL with the metadata a detection engineer
 * needs to judge and deploy it.
 *
 * @param id stable identifier, shown in the {@code rule} column of alerts
 * @param name a short title
 * @param description what the rule finds
 * @param mitreAttackIds techniques, such as {@code T1053.002}
 * @param severity {@code informational}, {@code low}, {@code medium}, {@code high} or {@code
 *     critical}
 * @param dataSources the telemetry the search reads
 * @param search the SPL text, unchanged
 * @param knownFalsePositives benign activity that the rule also reports
 * @param howToImplement what must be collected for the rule to see anything
 * @param tests example inputs and the number of rows the rule must return on each
 * @param origin where the rule was loaded from, for messages
 */
public record Rule(
        String id,
        String name,
        String description,
        List<String> mitreAttackIds,
        String severity,
        List<String> dataSources,
        String search,
        String knownFalsePositives,
        String howToImplement,
        List<RuleTest> tests,
        String origin) {

    /** An example input of a rule and the number of rows the rule must return on it. */
    public record RuleTest(String data, int expect) {}
}
