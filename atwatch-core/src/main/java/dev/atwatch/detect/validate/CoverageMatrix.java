package dev.atwatch.detect.validate;

import java.util.List;

/**
 * The result of replaying a manifest: a cell per test, telemetry source and rule that was expected
 * or that returned rows, plus a cell per blind source; and per test and source, what the correlator
 * linked of the job's creation, registration and execution.
 *
 * @param cells in manifest order (tests, then sources), expected rules first
 * @param chains in manifest order, each test's sources then its {@link ChainCoverage#ALL_SOURCES}
 *     row
 */
public record CoverageMatrix(List<CoverageCell> cells, List<ChainCoverage> chains) {

    public CoverageMatrix {
        cells = List.copyOf(cells);
        chains = List.copyOf(chains);
    }

    /** A matrix of detections alone. */
    public CoverageMatrix(List<CoverageCell> cells) {
        this(cells, List.of());
    }

    /** The expected detections that did not happen. */
    public List<CoverageCell> missed() {
        return cells.stream().filter(c -> c.verdict() == Verdict.MISSED).toList();
    }

    /** The tests whose expected complete chain was not linked. */
    public List<ChainCoverage> missedChains() {
        return chains.stream().filter(ChainCoverage::missed).toList();
    }

    /** True when every expected detection happened and every expected chain was linked. */
    public boolean complete() {
        return missed().isEmpty() && missedChains().isEmpty();
    }
}
