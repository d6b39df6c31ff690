package dev.atwatch.detect.validate;

import dev.atwatch.correlate.ChainLimits;
import dev.atwatch.correlate.ChainReport;
import dev.atwatch.correlate.Correlator;
import dev.atwatch.detect.Alert;
import dev.atwatch.detect.CompiledRule;
import dev.atwatch.detect.Detection;
import dev.atwatch.detect.Detector;
import dev.atwatch.detect.Rule;
import dev.atwatch.detect.RunListener;
import dev.atwatch.detect.TimeRange;
import dev.atwatch.event.FieldValue;
import dev.atwatch.event.Profile;
import dev.atwatch.read.Input;
import dev.atwatch.read.Inputs;
import dev.atwatch.read.ReadOptions;
import dev.atwatch.read.Readers;
import dev.atwatch.spl.ExecutionOptions;
import dev.atwatch.spl.Macros;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a set of rules over a set of files and sums up each rule's rows: how many, and the highest
 * {@value #SCORE} among them.
 */
public final class RuleRun {

    /** The column whose maximum is reported. */
    public static final String SCORE = "SuspicionScore";

    private final List<CompiledRule> rules;
    private final ExecutionOptions execution;
    private final Profile profile;

    /**
     * @throws IllegalArgumentException when a rule's search does not compile
     */
    public RuleRun(List<Rule> rules, ExecutionOptions execution, Profile profile) {
        this.rules = Detector.compile(rules, Macros.NONE);
        for (CompiledRule rule : this.rules) {
            if (!rule.ok()) {
                throw new IllegalArgumentException(
                        "the search of " + rule.rule().origin() + " does not compile");
            }
        }
        this.execution = execution;
        this.profile = profile;
    }

    /** One rule's rows over the files. */
    public record Tally(long rows, Double maxScore) {}

    /**
     * What one set of files gave.
     *
     * @param tallies each rule id with its tally, in rule order
     * @param chains the at jobs the correlator linked in the same files
     */
    public record Outcome(Map<String, Tally> tallies, ChainReport chains) {}

    /**
     * Reads the files (folders recursively) and runs every rule over them together.
     *
     * @return each rule id with its tally, in rule order; rules without rows have a zero tally
     * @throws Inputs.UnreadableInputException when a file is missing or unreadable
     */
    public Map<String, Tally> run(List<Path> files) throws Inputs.UnreadableInputException {
        return tallies(detect(files, null));
    }

    /**
     * Reads the files as {@link #run} does, and also links their at jobs into chains, as {@code
     * hunt --chains} does.
     *
     * @throws Inputs.UnreadableInputException when a file is missing or unreadable
     */
    public Outcome runWithChains(List<Path> files) throws Inputs.UnreadableInputException {
        Correlator correlator = new Correlator(ChainLimits.DEFAULTS);
        Detection detection = detect(files, correlator);
        return new Outcome(tallies(detection), correlator.finish());
    }

    private Detection detect(List<Path> files, Correlator correlator)
            throws Inputs.UnreadableInputException {
        List<String> paths = new ArrayList<>();
        files.forEach(f -> paths.add(f.toString()));
        List<Input> inputs = Inputs.expand(paths);
        Detector detector =
                new Detector(
                        rules, execution, profile, TimeRange.ALL, 1, new Readers(Readers.all()));
        return detector.run(inputs, ReadOptions.DEFAULTS, RunListener.NONE, correlator);
    }

    private Map<String, Tally> tallies(Detection detection) {
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        rules.forEach(r -> rows.put(r.rule().id(), 0L));
        for (Alert alert : detection.alerts()) {
            String id = alert.rule().id();
            rows.merge(id, 1L, Long::sum);
            Double score = score(alert.fields().get(SCORE));
            if (score != null) {
                scores.merge(id, score, Math::max);
            }
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        rows.forEach((id, n) -> tallies.put(id, new Tally(n, scores.get(id))));
        return tallies;
    }

    private static Double score(FieldValue value) {
        if (value == null) {
            return null;
        }
        if (value instanceof FieldValue.Number n) {
            return n.value();
        }
        Double best = null;
        for (String text : value.strings()) {
            try {
                double v = Double.parseDouble(text.strip());
                best = best == null ? v : Math.max(best, v);
            } catch (NumberFormatException e) {
                // A score that is not a number is not a score: the rule's table says so itself.
            }
        }
        return best;
    }
}
