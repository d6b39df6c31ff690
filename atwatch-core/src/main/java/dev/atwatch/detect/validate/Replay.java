package dev.atwatch.detect.validate;

import dev.atwatch.read.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replays a manifest: runs the rules over each test's telemetry, one source at a time, and says for
 * each expected rule whether it detected the test, and which other rules did.
 */
public final class Replay {

    private final RuleRun run;

    public Replay(RuleRun run) {
        this.run = run;
    }

    /**
     * Runs every source of every test.
     *
     * @throws ManifestException when a file of the manifest cannot be read
     */
    public CoverageMatrix run(ReplayManifest manifest) throws ManifestException {
        List<CoverageCell> cells = new ArrayList<>();
        for (ReplayTest test : manifest.tests()) {
            for (TelemetrySource source : test.sources()) {
                cells.addAll(cells(test, source, tallies(source)));
            }
        }
        return new CoverageMatrix(cells);
    }

    private Map<String, RuleRun.Tally> tallies(TelemetrySource source) throws ManifestException {
        try {
            return run.run(source.files());
        } catch (Inputs.UnreadableInputException e) {
            throw new ManifestException("cannot read " + e.path() + ": " + e.getMessage());
        }
    }

    private static List<CoverageCell> cells(
            ReplayTest test, TelemetrySource source, Map<String, RuleRun.Tally> tallies) {
        List<CoverageCell> cells = new ArrayList<>();
        String note = source.isBlind() ? source.blind() : source.note();
        if (source.isBlind()) {
            cells.add(
                    new CoverageCell(
                            test.id(), source.name(), null, Verdict.BLIND, false, 0, null, note));
        }
        for (String rule : source.expected()) {
            RuleRun.Tally tally = tallies.getOrDefault(rule, new RuleRun.Tally(0, null));
            Verdict verdict = tally.rows() > 0 ? Verdict.DETECTED : Verdict.MISSED;
            cells.add(
                    new CoverageCell(
                            test.id(),
                            source.name(),
                            rule,
                            verdict,
                            true,
                            tally.rows(),
                            tally.maxScore(),
                            note));
        }
        tallies.forEach(
                (rule, tally) -> {
                    if (tally.rows() > 0 && !source.expected().contains(rule)) {
                        cells.add(
                                new CoverageCell(
                                        test.id(),
                                        source.name(),
                                        rule,
                                        Verdict.DETECTED,
                                        false,
                                        tally.rows(),
                                        tally.maxScore(),
                                        note));
                    }
                });
        return cells;
    }
}
