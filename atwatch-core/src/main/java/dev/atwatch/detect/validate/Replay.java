package dev.atwatch.detect.validate;

import dev.atwatch.read.Inputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays a manifest: runs the rules over each test's telemetry, one source at a time, and says for
 * each expected rule whether it detected the test, and which other rules did. The correlator runs
 * over the same files, per source and over all of a test's files together, to show whether the
 * job's creation, registration and execution were seen and linked.
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
        List<ChainCoverage> chains = new ArrayList<>();
        for (ReplayTest test : manifest.tests()) {
            Set<Path> all = new LinkedHashSet<>();
            for (TelemetrySource source : test.sources()) {
                RuleRun.Outcome outcome = outcome(source.files());
                cells.addAll(cells(test, source, outcome.tallies()));
                chains.add(ChainCoverage.of(test.id(), source.name(), outcome.chains(), false));
                all.addAll(source.files());
            }
            RuleRun.Outcome together = outcome(List.copyOf(all));
            chains.add(
                    ChainCoverage.of(
                            test.id(),
                            ChainCoverage.ALL_SOURCES,
                            together.chains(),
                            test.chainExpected()));
        }
        return new CoverageMatrix(cells, chains);
    }

    private RuleRun.Outcome outcome(List<Path> files) throws ManifestException {
        try {
            return run.runWithChains(files);
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
