package dev.atwatch.correlate;

import java.util.List;

/**
 * The chains of one run and what limited them.
 *
 * @param chains every chain, complete and partial, by the time of its first event
 * @param candidates candidate events linked
 * @param droppedCandidates candidate events dropped because {@link ChainLimits#candidates()} was
 *     reached (the latest by time go first)
 * @param limits the limits of the run
 */
public record ChainReport(
        List<Chain> chains, long candidates, long droppedCandidates, ChainLimits limits) {

    public ChainReport {
        chains = List.copyOf(chains);
    }

    /** What the user should know about the limits of this run's chains; empty when nothing. */
    public List<String> notes() {
        if (droppedCandidates == 0) {
            return List.of();
        }
        return List.of(
                "chains: "
                        + droppedCandidates
                        + " candidate events dropped at the limit of "
                        + limits.candidates()
                        + " (the latest in time); raise it with --limit "
                        + ChainLimits.CANDIDATES
                        + "=N");
    }
}
