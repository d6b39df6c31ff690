package dev.atwatch.correlate;

import java.util.ArrayList;
import java.util.List;

/**
 * The chains of one run and what limited them.
 *
 * @param chains every chain, complete and partial, by the time of its first event
 * @param candidates candidate events linked
 * @param droppedCandidates candidate events that left the reorder buffer early because {@link
 *     ChainLimits#candidates()} was reached (the oldest first): linked before every input had
 *     passed their time
 * @param limits the limits of the run
 * @param lateCandidates candidate events linked out of time order: more than {@link
 *     ChainLimits#reorderSeconds()} behind a later event of their input, or behind candidates that
 *     left the buffer early
 * @param closedEarly jobs closed before their run was due because {@link
 *     ChainLimits#openJobsPerHost()} was reached on their host (the oldest first)
 */
public record ChainReport(
        List<Chain> chains,
        long candidates,
        long droppedCandidates,
        ChainLimits limits,
        long lateCandidates,
        long closedEarly) {

    public ChainReport {
        chains = List.copyOf(chains);
    }

    /** A report on a run that no limit cut short but for {@code droppedCandidates}. */
    public ChainReport(
            List<Chain> chains, long candidates, long droppedCandidates, ChainLimits limits) {
        this(chains, candidates, droppedCandidates, limits, 0, 0);
    }

    /** What the user should know about the limits of this run's chains; empty when nothing. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (droppedCandidates > 0) {
            notes.add(
                    "chains: "
                            + droppedCandidates
                            + " candidate events were linked before every input had reached"
                            + " their time, at the limit of "
                            + limits.candidates()
                            + " events held (the oldest first), so links may depend on the"
                            + " reading order; raise it with --limit "
                            + ChainLimits.CANDIDATES
                            + "=N");
        }
        if (lateCandidates > 0) {
            notes.add(
                    "chains: "
                            + lateCandidates
                            + " candidate events came more than "
                            + limits.reorderSeconds()
                            + " seconds behind later events of their input (or behind events"
                            + " linked early) and were linked out of time order, so some chains"
                            + " may be partial; raise it with --limit "
                            + ChainLimits.REORDER
                            + "=N");
        }
        if (closedEarly > 0) {
            notes.add(
                    "chains: "
                            + closedEarly
                            + " jobs were closed before their run was due, at the limit of "
                            + limits.openJobsPerHost()
                            + " open jobs per host (the oldest first); raise it with --limit "
                            + ChainLimits.OPEN_JOBS
                            + "=N");
        }
        return notes;
    }
}
