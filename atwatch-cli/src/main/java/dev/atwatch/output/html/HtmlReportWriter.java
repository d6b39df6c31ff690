package dev.atwatch.output.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
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
 * applies a view on load), the chains of {@code hunt --chains} drawn as flows from creation to
 * execution (when the run linked chains; alerts then link to theirs), each alert's details (fields,
 * why it fired, its chain, the at job, the raw event) and the suppressed alerts. The table shows
 * each rule by name, its id in a tooltip, and the filter finds both.
 *
 * <p>The page is bounded by its {@link Limits}: the table lists at most {@link Limits#rows()}
 * alerts, and the details of at most {@link Limits#details()} of them are written (and as many of
 * the suppressed alerts), the highest-scoring first; at most {@link #MAX_CHAINS} chains are drawn;
 * the page says what it left out and how to get it. The timeline draws every alert.
 */
public final class HtmlReportWriter {

    /** Rows in the table when no limit is given. */
    public static final int DEFAULT_ROWS = 20_000;

    /** Alerts with details when no limit is given. */
    public static final int DEFAULT_DETAILS = 5_000;

    /**
     * Rows the table shows at once; the page's script pages through the rest, which stay out of the
     * layout so that a long table does not slow the page down.
     */
    static final int PAGE_ROWS = 500;

    /** Most chains drawn into one page. */
    public static final int MAX_CHAINS = 5_000;

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

    /** The column naming an alert's chain, after {@code command}, when the run linked chains. */
    private static final Column CHAIN = new Column("chain", "chain", true);

    /** A column of the alert table; {@code id} names it in {@code #sort=id}. */
    private record Column(String id, String label, boolean numeric) {}

    /**
     * How much of a run one page holds.
     *
     * @param rows most alerts listed in the table, at least 1 ({@code --report-rows})
     * @param details most alerts whose details are written, and most suppressed alerts, at least 0
     *     ({@code --report-details})
     */
    public record Limits(int rows, int details) {

        public static final Limits DEFAULTS = new Limits(DEFAULT_ROWS, DEFAULT_DETAILS);

        public Limits {
            if (rows < 1 || details < 0) {
                throw new IllegalArgumentException(
                        "report limits must be rows >= 1 and details >= 0, not rows "
                                + rows
                                + ", details "
                                + details);
            }
        }
    }

    private final Limits limits;

    /** A writer with the {@link Limits#DEFAULTS default limits}. */
    public HtmlReportWriter() {
        this(Limits.DEFAULTS);
    }

    public HtmlReportWriter(Limits limits) {
        this.limits = limits;
    }

    public void write(RunReport report, Writer out) throws IOException {
        List<ReportAlert> alerts = report.alerts();
        ShownAlerts shown = ShownAlerts.choose(alerts, limits.rows(), limits.details());
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        out.write("<title>atwatch report</title><style>" + resource("report.css") + "</style>");
        // without the script there are no pages: every row shows
        out.write("<noscript><style>#alert-table tr.off-page { display: table-row; }</style>");
        out.write("</noscript></head><body>\n<h1>atwatch report</h1>\n");
        out.write(RunSummaryHtml.render(report.summary(), alerts.size(), ruleNames(report)));
        writeTimeline(alerts, shown, out);
        List<ReportChain> chains = report.chains();
        writeTable(alerts, shown, chains != null, out);
        if (chains != null) {
            List<ReportChain> drawn =
                    chains.size() <= MAX_CHAINS ? chains : chains.subList(0, MAX_CHAINS);
            out.write(ChainFlowHtml.render(drawn, chains.size(), alerts));
        }
        Map<String, ReportChain> byId = chainsById(chains);
        writeDetails(alerts, shown, byId, out);
        writeSuppressed(report.suppressed(), byId, out);
        out.write("<script>" + resource("report.js") + "</script>\n</body></html>\n");
        out.flush();
    }

    private static void writeTimeline(List<ReportAlert> alerts, ShownAlerts shown, Writer out)
            throws IOException {
        out.write("<section id=\"timeline\"><h2>Timeline</h2>");
        out.write("<div class=\"toolbar\"><span class=\"legend\">score <i class=\"s0\"></i>0");
        out.write(" <i class=\"s1\"></i>1 <i class=\"s2\"></i>2 <i class=\"s3\"></i>3+</span>");
        out.write(" <button type=\"button\" id=\"timeline-reset\" hidden>");
        out.write("Whole span</button> <span id=\"timeline-range\" class=\"muted\"></span></div>");
        out.write(TimelineSvg.render(alerts, shown::hasDetails));
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

    private void writeTable(
            List<ReportAlert> alerts, ShownAlerts shown, boolean chained, Writer out)
            throws IOException {
        out.write("<section id=\"alerts\"><h2>Alerts (" + alerts.size() + ")</h2>");
        writeLeftOut(alerts.size(), shown, out);
        out.write("<div class=\"toolbar\"><input id=\"filter\" type=\"search\"");
        out.write(" placeholder=\"filter: words that every shown row contains\">");
        out.write(" <span id=\"shown\" class=\"muted\"></span></div>\n");
        out.write("<p id=\"row-note\" class=\"note\" hidden></p>\n");
        out.write("<table id=\"alert-table\" class=\"grid\" data-page-rows=\"" + PAGE_ROWS + "\">");
        out.write("<thead><tr>");
        for (Column column : columns(chained)) {
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
        for (int i = 0; i < shown.rows().size(); i++) {
            int index = shown.rows().get(i);
            boolean offPage = i >= PAGE_ROWS;
            out.write(row(index + 1, alerts.get(index), shown.hasDetails(index), offPage, chained));
        }
        out.write("</tbody></table>\n<div id=\"pager\" class=\"toolbar\" hidden>");
        out.write("<button type=\"button\" id=\"page-previous\">\u2039 previous</button>");
        out.write(" <span id=\"page-rows\"></span> ");
        out.write("<button type=\"button\" id=\"page-next\">next \u203a</button>");
        out.write(" <button type=\"button\" id=\"page-all\">all rows</button></div></section>\n");
    }

    private static List<Column> columns(boolean chained) {
        if (!chained) {
            return COLUMNS;
        }
        List<Column> columns = new ArrayList<>(COLUMNS);
        columns.add(columns.size() - 1, CHAIN);
        return columns;
    }

    /** What the page leaves out of the run, and how to get it. */
    private void writeLeftOut(int total, ShownAlerts shown, Writer out) throws IOException {
        if (shown.rows().size() < total) {
            out.write(
                    String.format(
                            Locale.ROOT,
                            "<p class=\"note\" id=\"rows-left-out\">The table lists the %,d"
                                    + " highest-scoring of the %,d alerts (--report-rows %,d)."
                                    + " Every alert with every field: the same run with"
                                    + " <code>--format csv</code>.</p>",
                            shown.rows().size(),
                            total,
                            limits.rows()));
        }
        if (shown.detailCount() < shown.rows().size()) {
            out.write(
                    String.format(
                            Locale.ROOT,
                            "<p class=\"note\" id=\"details-left-out\">Details are in this page"
                                    + " for the %,d highest-scoring alerts (--report-details %,d);"
                                    + " rows without a link have none here. Every alert with every"
                                    + " field: <code>--format csv</code>; with why it fired:"
                                    + " <code>--explain --format jsonl</code>.</p>",
                            shown.detailCount(),
                            limits.details()));
        }
    }

    private static String row(
            int number, ReportAlert alert, boolean detailed, boolean offPage, boolean chained) {
        int score = alert.score();
        StringBuilder row = new StringBuilder();
        row.append("<tr class=\"alert s")
                .append(Math.min(3, Math.max(0, score)))
                .append(offPage ? " off-page" : "")
                .append("\" data-alert=\"")
                .append(number)
                .append(detailed ? "" : "\" data-detail=\"none")
                .append("\" data-search=\"")
                .append(Html.escape(searchText(alert)))
                .append("\">");
        row.append("<td data-value=\"").append(number).append("\">");
        if (detailed) {
            row.append("<a href=\"#alert-").append(number).append("\">").append(number);
            row.append("</a></td>");
        } else {
            row.append(number).append("</td>");
        }
        cell(row, alert.field("_time"), "nowrap");
        cell(row, alert.field("host"), null);
        row.append("<td class=\"rule\" title=\"").append(Html.escape(alert.ruleId())).append("\">");
        row.append(Html.escape(ruleLabel(alert))).append("</td>");
        cell(row, alert.field("User"), null);
        cell(row, alert.field("Image"), "path");
        cell(row, alert.field("CommandLine"), "cmd");
        if (chained) {
            chainCell(row, alert.field(ChainFlowHtml.COLUMN));
        }
        cell(row, alert.field("SuspicionScore"), null);
        return row.append("</tr>\n").toString();
    }

    private static void cell(StringBuilder row, String text, String cssClass) {
        row.append(cssClass == null ? "<td>" : "<td class=\"" + cssClass + "\">");
        row.append(Html.escape(text)).append("</td>");
    }

    /** The alert's chain, linked to its flow; sorted by the chain's number. */
    private static void chainCell(StringBuilder row, String id) {
        if (id.isEmpty()) {
            row.append("<td></td>");
            return;
        }
        row.append("<td data-value=\"").append(ChainFlowHtml.number(id)).append("\">");
        row.append(ChainFlowHtml.anchor(id)).append("</td>");
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

    private static void writeDetails(
            List<ReportAlert> alerts,
            ShownAlerts shown,
            Map<String, ReportChain> chains,
            Writer out)
            throws IOException {
        out.write("<section id=\"details\"><h2>Details</h2>\n");
        for (int index : shown.rows()) {
            if (shown.hasDetails(index)) {
                ReportAlert alert = alerts.get(index);
                String chain = ChainFlowHtml.mention(alert, chains);
                out.write(AlertDetailHtml.render("alert-" + (index + 1), index + 1, alert, chain));
            }
        }
        out.write("</section>\n");
    }

    private static Map<String, ReportChain> chainsById(List<ReportChain> chains) {
        Map<String, ReportChain> byId = new HashMap<>();
        if (chains != null) {
            chains.forEach(chain -> byId.putIfAbsent(chain.id(), chain));
        }
        return byId;
    }

    private void writeSuppressed(
            List<ReportAlert> suppressed, Map<String, ReportChain> chains, Writer out)
            throws IOException {
        if (suppressed.isEmpty()) {
            return;
        }
        out.write("<section id=\"suppressed\"><h2>Suppressed alerts (");
        out.write(suppressed.size() + ")</h2>\n");
        int shown = Math.min(suppressed.size(), limits.details());
        if (shown < suppressed.size()) {
            out.write(
                    String.format(
                            Locale.ROOT,
                            "<p class=\"note\">The first %,d are shown (--report-details %,d);"
                                    + " every one: <code>--show-suppressed --format csv</code>."
                                    + "</p>",
                            shown,
                            limits.details()));
        }
        for (int i = 0; i < shown; i++) {
            ReportAlert alert = suppressed.get(i);
            String chain = ChainFlowHtml.mention(alert, chains);
            out.write(AlertDetailHtml.render("suppressed-" + (i + 1), i + 1, alert, chain));
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
