package dev.atwatch.output.html;

import java.util.List;

/**
 * A finished run as a report shows it: the run summary, the alerts with their evidence, the alerts
 * a suppression file held back, and the chains when the run linked them. It is what {@code
 * --save-run} writes as JSON and what {@code atwatch report} reads back, so a report can be made
 * again without reading the logs.
 *
 * @param version the document's format version, {@value #VERSION} for this release
 * @param chains the chains of {@code hunt --chains}, by the time of their first event; {@code null}
 *     when the run did not link chains (a run that found none has an empty list)
 */
public record RunReport(
        int version,
        RunSummary summary,
        List<ReportAlert> alerts,
        List<ReportAlert> suppressed,
        List<ReportChain> chains) {

    /** The format version written by this release. */
    public static final int VERSION = 1;

    public RunReport {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        suppressed = suppressed == null ? List.of() : List.copyOf(suppressed);
        chains = chains == null ? null : List.copyOf(chains);
    }

    /** A run that did not link chains. */
    public RunReport(
            int version,
            RunSummary summary,
            List<ReportAlert> alerts,
            List<ReportAlert> suppressed) {
        this(version, summary, alerts, suppressed, null);
    }
}
