package dev.atwatch.output.html;

import java.util.List;

/**
 * A finished run as a report shows it: the run summary, the alerts with their evidence, and the
 * alerts a suppression file held back. It is what {@code --save-run} writes as JSON and what {@code
 * atwatch report} reads back, so a report can be made again without reading the logs.
 *
 * @param version the document's format version, {@value #VERSION} for this release
 */
public record RunReport(
        int version, RunSummary summary, List<ReportAlert> alerts, List<ReportAlert> suppressed) {

    /** The format version written by this release. */
    public static final int VERSION = 1;

    public RunReport {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        suppressed = suppressed == null ? List.of() : List.copyOf(suppressed);
    }
}
