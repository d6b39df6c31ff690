package dev.atwatch.output.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run as one self-contained HTML file: styles, script and the timeline chart are inline,
 * and the page fetches nothing (its Content-Security-Policy forbids it). Every piece of log text is
 * escaped; the script reads the page's own text only, never HTML built from log values.
 *
 * <p>The page holds the run summary, a timeline of alerts per host, a sortable and filterable alert
 * table coloured by {@code SuspicionScore} (the fragment {@code #filter=words&sort=score-desc}
 * applies a view on load), each alert's details (fields, why it fired, the at job, the raw event)
 * and the suppressed alerts. At most {@link #MAX_ALERTS} alerts are written; the page says how many
 * more there were. The table shows each rule by name, its id in a tooltip, and the filter finds
 * both.
 */
public final class HtmlReportWriter {

    /** Most alerts written into one page. */
    public static final int MAX_ALERTS = 20_000;

    /** Longest raw event written into the page, in characters. */
    public static final int MAX_RAW_CHARS = 64 * 1024;

    private static final String CSP =
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline';"
                    + " img-src data:";

    private static final List<Column> COLUMNS =
            List.of(
                    new Column("n", "#", true),
                    new Column("time", "_time", false),
                    new Column("host", "host", false),
                    new Column("rule", "rule", false),
                    new Column("user", "User", false),
                    new Column("image", "Image", false),
                    new Column("command", "CommandLine", false),
                    new Column("score", "score", true));

    /** A column of the alert table; {@code id} names it in {@code #sort=id}. */
    private record Column(String id, String label, boolean numeric) {}

    public void write(RunReport report, Writer out) throws IOException {
        List<ReportAlert> alerts = capped(report.alerts());
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        out.write("<title>atwatch report</title><style>" + resource("report.css") + "</style>");
        out.write("</head><body>\n<h1>atwatch report</h1>\n");
        out.write(
                RunSummaryHtml.render(report.summary(), report.alerts().size(), ruleNames(report)));
        writeTimeline(alerts, out);
        writeTable(alerts, report.alerts().size(), out);
        writeDetails(alerts, out);
        writeSuppressed(report.suppressed(), out);
        out.write("<script>" + resource("report.js") + "</script>\n</body></html>\n");
        out.flush();
    }

    private static void writeTimeline(List<ReportAlert> alerts, Writer out) throws IOException {
        out.write("<section id=\"timeline\"><h2>Timeline</h2>");
        out.write("<div class=\"toolbar\"><span class=\"legend\">score <i class=\"s0\"></i>0");
        out.write(" <i class=\"s1\"></i>1 <i class=\"s2\"></i>2 <i class=\"s3\"></i>3+</span>");
        out.write(" <button type=\"button\" id=\"timeline-reset\" hidden>");
        out.write("Whole span</button> <span id=\"timeline-range\" class=\"muted\"></span></div>");
        // every alert written has its details on the page
        out.write(TimelineSvg.render(alerts, index -> true));
        out.write("</section>\n");
    }

    /** Rule names by id: the summary's, and for run files without them, the alerts'. */
    private static Map<String, String> ruleNames(RunReport report) {
        Map<String, String> names = new LinkedHashMap<>(report.summary().ruleNames());
        for (List<ReportAlert> alerts : List.of(report.alerts(), report.suppressed())) {
            for (ReportAlert alert : alerts) {
                if (alert.ruleName() != null && !alert.ruleName().isEmpty()) {
                    names.putIfAbsent(alert.ruleId(), alert.ruleName());
                }
            }
        }
        return names;
    }

    private static List<ReportAlert> capped(List<ReportAlert> alerts) {
        return alerts.size() <= MAX_ALERTS ? alerts : alerts.subList(0, MAX_ALERTS);
    }

    private static void writeTable(List<ReportAlert> alerts, int total, Writer out)
            throws IOException {
        out.write("<section id=\"alerts\"><h2>Alerts (" + total + ")</h2>");
        if (total > alerts.size()) {
            out.write(
                    "<p class=\"muted\">Only the first "
                            + alerts.size()
                            + " alerts are shown; the run file holds all of them.</p>");
        }
        out.write("<div class=\"toolbar\"><input id=\"filter\" type=\"search\"");
        out.write(" placeholder=\"filter: words that every shown row contains\">");
        out.write(" <span id=\"shown\" class=\"muted\"></span></div>\n");
        out.write("<table id=\"alert-table\" class=\"grid\"><thead><tr>");
        for (Column column : COLUMNS) {
            out.write(
                    "<th data-col=\""
                            + column.id()
                            + "\""
                            + (column.numeric() ? " data-type=\"num\"" : "")
                            + ">"
                            + Html.escape(column.label())
                            + "</th>");
        }
        out.write("</tr></thead><tbody>\n");
        for (int i = 0; i < alerts.size(); i++) {
            out.write(row(i + 1, alerts.get(i)));
        }
        out.write("</tbody></table></section>\n");
    }

    private static String row(int number, ReportAlert alert) {
        int score = alert.score();
        StringBuilder row = new StringBuilder();
        row.append("<tr class=\"alert s")
                .append(Math.min(3, Math.max(0, score)))
                .append("\" data-alert=\"")
                .append(number)
                .append("\" data-search=\"")
                .append(Html.escape(searchText(alert)))
                .append("\">");
        row.append("<td data-value=\"").append(number).append("\">");
        row.append("<a href=\"#alert-").append(number).append("\">").append(number);
        row.append("</a></td>");
        cell(row, alert.field("_time"), "nowrap");
        cell(row, alert.field("host"), null);
        row.append("<td class=\"rule\" title=\"").append(Html.escape(alert.ruleId())).append("\">");
        row.append(Html.escape(ruleLabel(alert))).append("</td>");
        cell(row, alert.field("User"), null);
        cell(row, alert.field("Image"), "path");
        cell(row, alert.field("CommandLine"), "cmd");
        cell(row, alert.field("SuspicionScore"), null);
        return row.append("</tr>\n").toString();
    }

    private static void cell(StringBuilder row, String text, String cssClass) {
        row.append(cssClass == null ? "<td>" : "<td class=\"" + cssClass + "\">");
        row.append(Html.escape(text)).append("</td>");
    }

    /** The rule as rows and headers name it: its name, or its id when it has none. */
    static String ruleLabel(ReportAlert alert) {
        String name = alert.ruleName();
        return name == null || name.isEmpty() ? alert.ruleId() : name;
    }

    /** What the filter searches: the rule's id and name and every field value, lower case. */
    private static String searchText(ReportAlert alert) {
        StringBuilder text = new StringBuilder(alert.ruleId()).append(' ');
        text.append(ruleLabel(alert)).append(' ');
        text.append(alert.source()).append(' ');
        for (Map.Entry<String, List<String>> field : alert.fields().entrySet()) {
            text.append(String.join(" ", field.getValue())).append(' ');
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static void writeDetails(List<ReportAlert> alerts, Writer out) throws IOException {
        out.write("<section id=\"details\"><h2>Details</h2>\n");
        for (int i = 0; i < alerts.size(); i++) {
            out.write(AlertDetailHtml.render("alert-" + (i + 1), i + 1, alerts.get(i)));
        }
        out.write("</section>\n");
    }

    private static void writeSuppressed(List<ReportAlert> suppressed, Writer out)
            throws IOException {
        if (suppressed.isEmpty()) {
            return;
        }
        out.write("<section id=\"suppressed\"><h2>Suppressed alerts (");
        out.write(suppressed.size() + ")</h2>\n");
        List<ReportAlert> shown = capped(suppressed);
        for (int i = 0; i < shown.size(); i++) {
            out.write(AlertDetailHtml.render("suppressed-" + (i + 1), i + 1, shown.get(i)));
        }
        out.write("</section>\n");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
