package dev.atwatch.detect;

import dev.atwatch.spl.Results;
import java.util.List;
import java.util.Map;

/**
 * The outcome of running a set of rules over a set of inputs.
 *
 * @param results each rule's results, in rule order
 * @param alerts every rule's rows as alerts, rule by rule in rule order
 * @param aliasHits portable-mode aliases that changed a result, with how many events they changed
 *     it for, summed over rules
 * @param elapsedNanos wall time of the run
 */
public record Detection(
        List<RuleResults> results,
        List<Alert> alerts,
        RunStats stats,
        Map<String, Long> aliasHits,
        long elapsedNanos) {

    /** One rule's results. */
    public record RuleResults(Rule rule, Results results) {}
}
