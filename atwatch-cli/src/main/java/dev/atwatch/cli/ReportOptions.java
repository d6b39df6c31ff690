package dev.atwatch.cli;

import dev.atwatch.output.html.HtmlReportWriter;
import picocli.CommandLine.Option;

/** How much of a run the HTML report holds, for {@code --format html} and {@code report}. */
final class ReportOptions {

    @Option(
            names = "--report-rows",
            paramLabel = "N",
            description =
                    "HTML report: list at most N alerts in the table, the highest-scoring first"
                            + " (default: "
                            + HtmlReportWriter.DEFAULT_ROWS
                            + ")")
    int rows = HtmlReportWriter.DEFAULT_ROWS;

    @Option(
            names = "--report-details",
            paramLabel = "N",
            description =
                    "HTML report: write the details (fields, why it fired, raw event) of at most N"
                            + " alerts, the highest-scoring first, and of at most N suppressed"
                            + " alerts (default: "
                            + HtmlReportWriter.DEFAULT_DETAILS
                            + ")")
    int details = HtmlReportWriter.DEFAULT_DETAILS;

    /** The limits given. */
    HtmlReportWriter.Limits limits() {
        if (rows < 1) {
            throw new UsageException(
                    "invalid value for --report-rows: " + rows + "; expected >= 1");
        }
        if (details < 0) {
            throw new UsageException(
                    "invalid value for --report-details: " + details + "; expected >= 0");
        }
        return new HtmlReportWriter.Limits(rows, details);
    }
}
