package dev.atwatch.detect.validate;

import dev.atwatch.correlate.Chain;
import dev.atwatch.correlate.ChainReport;
import java.util.List;

/**
 * What the correlator made of a test's telemetry in one source (or in all of them together):
 * whether the job's creation, registration and execution were seen, and whether one chain linked
 * all three.
 *
 * @param test the test's id
 * @param source the telemetry source's name, or {@link #ALL_SOURCES}
 * @param created whether some chain has its creation (at.exe, wmic, PowerShell, at(1))
 * @param registered whether some chain has its registration (4698, 106, the .job or spool file)
 * @param executed whether some chain has its execution (the job's command under the scheduler)
 * @param chains how many chains were found
 * @param complete how many of them link all three
 * @param expected whether the manifest expects a complete chain here
 * @param note why no chain is complete (the first partial chain's note), or an empty string
 */
public record ChainCoverage(
        String test,
        String source,
        boolean created,
        boolean registered,
        boolean executed,
        int chains,
        int complete,
        boolean expected,
        String note) {

    /** The source name of the row that reads every file of a test together. */
    public static final String ALL_SOURCES = "(all sources)";

    /** Sums up the chains of {@code report}. */
    public static ChainCoverage of(
            String test, String source, ChainReport report, boolean expected) {
        List<Chain> chains = report.chains();
        int complete = (int) chains.stream().filter(Chain::complete).count();
        String note = "";
        if (complete == 0) {
            note =
                    chains.stream()
                            .map(Chain::note)
                            .filter(n -> !n.isEmpty())
                            .findFirst()
                            .orElse("");
        }
        return new ChainCoverage(
                test,
                source,
                chains.stream().anyMatch(c -> c.creation() != null),
                chains.stream().anyMatch(c -> c.registration() != null),
                chains.stream().anyMatch(c -> c.execution() != null),
                chains.size(),
                complete,
                expected,
                note);
    }

    /** Whether the manifest expects a complete chain and none was found. */
    public boolean missed() {
        return expected && complete == 0;
    }

    /**
     * {@code complete}, {@code complete (k of n chains)}, {@code partial (n chains)} or {@code no
     * chain}.
     */
    public String status() {
        if (chains == 0) {
            return "no chain";
        }
        if (complete == 0) {
            return chains == 1 ? "partial" : "partial (" + chains + " chains)";
        }
        return complete == chains
                ? "complete"
                : "complete (" + complete + " of " + chains + " chains)";
    }
}
