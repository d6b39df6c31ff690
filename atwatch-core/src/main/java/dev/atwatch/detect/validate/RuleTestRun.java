package dev.atwatch.detect.validate;

import dev.atwatch.detect.Rule;
import dev.atwatch.event.Profile;
import dev.atwatch.read.Inputs;
import dev.atwatch.spl.ExecutionOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the {@code tests:} entries of rules: each rule alone over its test's data, compared with the
 * row count the rule declares.
 */
public final class RuleTestRun {

    /**
     * The outcome of one test entry.
     *
     * @param rule the rule's id
     * @param data the entry's path, as written in the rule
     * @param expected the declared row count
     * @param actual the rows returned, or -1 when the data could not be read
     * @param problem why the data could not be read, or {@code null}
     */
    public record Outcome(String rule, String data, int expected, long actual, String problem) {

        /** True when the rule returned the declared number of rows. */
        public boolean passed() {
            return problem == null && actual == expected;
        }
    }

    private final ExecutionOptions execution;
    private final Profile profile;

    public RuleTestRun(ExecutionOptions execution, Profile profile) {
        this.execution = execution;
        this.profile = profile;
    }

    /**
     * Runs every test entry of every rule.
     *
     * @param root the folder test paths are relative to (the repository root for the bundled pack)
     */
    public List<Outcome> run(List<Rule> rules, Path root) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Rule rule : rules) {
            RuleRun run = new RuleRun(List.of(rule), execution, profile);
            for (Rule.RuleTest test : rule.tests()) {
                outcomes.add(outcome(rule, test, run, root));
            }
        }
        return outcomes;
    }

    private static Outcome outcome(Rule rule, Rule.RuleTest test, RuleRun run, Path root) {
        try {
            long rows = run.run(List.of(root.resolve(test.data()))).get(rule.id()).rows();
            return new Outcome(rule.id(), test.data(), test.expect(), rows, null);
        } catch (Inputs.UnreadableInputException e) {
            return new Outcome(rule.id(), test.data(), test.expect(), -1, e.getMessage());
        }
    }
}
