package dev.atwatch.detect.validate;

import java.util.List;

/**
 * The result of replaying a manifest: a cell per test, telemetry source and rule that was expected
 * or that returned rows, plus a cell per blind source.
 *
 * @param cells in manifest order (tests, then sources), expected rules first
 */
public record CoverageMatrix(List<CoverageCell> cells) {

    public CoverageMatrix {
        cells = List.copyOf(cells);
    }

    /** The expected detections that did not happen. */
    public List<CoverageCell> missed() {
        return cells.stream().filter(c -> c.verdict() == Verdict.MISSED).toList();
    }

    /** True when every expected detection happened. */
    public boolean complete() {
        return missed().isEmpty();
    }
}
