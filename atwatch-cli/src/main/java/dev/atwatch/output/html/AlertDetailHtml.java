package dev.atwatch.output.html;

import java.util.List;
import java.util.Map;

/**
 * One alert's details: why it fired, its chain, its fields, the at job, the raw event. The summary
 * line, shown while the details are closed, names the rule and, for a suppressed alert, the entry
 * that held it.
 */
final class AlertDetailHtml {

    private AlertDetailHtml() {}

    /**
     * The details of {@code alert}, as element {@code id}; {@code chain} is the HTML naming its
     * chain, or empty.
     */
    static String render(String id, int number, ReportAlert alert, String chain) {
        StringBuilder html = new StringBuilder();
        html.append("<details class=\"alert-detail\" id=\"").append(id).append("\">");
        html.append("<summary>#")
                .append(number)
                .append(' ')
                .append(Html.escape(alert.field("_time")))
                .append(" \u2014 ")
                .append(Html.escape(alert.field("host")))
                .append(" \u2014 ")
                .append(Html.escape(HtmlReportWriter.ruleLabel(alert)))
                .append(" \u2014 score ")
                .append(alert.score());
        if (alert.suppressedBy() != null) {
            html.append(" \u2014 suppressed by <code class=\"entry\">")
                    .append(Html.escape(alert.suppressedBy()))
                    .append("</code>");
        }
        html.append("</summary>");
        rule(html, alert);
        html.append(chain);
        why(html, alert.explain(), alert);
        fields(html, alert.fields());
        atJob(html, alert);
        raw(html, alert.raw());
        return html.append("</details>\n").toString();
    }

    private static void rule(StringBuilder html, ReportAlert alert) {
        html.append("<p>Rule <code>")
                .append(Html.escape(alert.ruleId()))
                .append("</code> ")
                .append(Html.escape(alert.ruleName()))
                .append(", severity <span class=\"sev-")
                .append(Html.escape(alert.severity()))
                .append("\">")
                .append(Html.escape(alert.severity()))
                .append("</span>");
        if (alert.suppressedBy() != null) {
            html.append(", suppressed by <code>")
                    .append(Html.escape(alert.suppressedBy()))
                    .append("</code>");
        }
        html.append(". Source <span class=\"mono\">")
                .append(Html.escape(alert.source()))
                .append("</span>.</p>");
    }

    private static void why(StringBuilder html, Explanation explain, ReportAlert alert) {
        html.append("<h3>Why it fired</h3>");
        if (explain == null) {
            html.append("<p class=\"muted\">Not worked out for this run.</p>");
            return;
        }
        if (explain.branches().isEmpty()) {
            html.append("<p class=\"muted\">The event behind this row was not kept.</p>");
        } else {
            html.append("<p>Search alternatives matched:</p><ul class=\"branches\">");
            for (String branch : explain.branches()) {
                html.append("<li><code>").append(Html.escape(branch)).append("</code></li>");
            }
            html.append("</ul>");
        }
        if (explain.factors().isEmpty()) {
            html.append("<p class=\"muted\">No score factor is 1.</p>");
            return;
        }
        html.append("<table class=\"grid factors\"><tr><th>factor</th><th>evidence</th></tr>");
        for (Explanation.Factor factor : explain.factors()) {
            html.append("<tr class=\"factor\"><td><code>")
                    .append(Html.escape(factor.name()))
                    .append("</code></td><td>")
                    .append(evidence(factor, alert))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static String evidence(Explanation.Factor factor, ReportAlert alert) {
        if (factor.matched() == null) {
            StringBuilder text = new StringBuilder("<code>");
            text.append(Html.escape(factor.expression())).append("</code>");
            if (!factor.inputs().isEmpty()) {
                text.append(" with <code>")
                        .append(Html.escape(String.join(", ", factor.inputs())))
                        .append("</code>");
            }
            return text.toString();
        }
        return "<code>/"
                + Html.escape(factor.pattern())
                + "/</code> matched <mark>"
                + Html.escape(factor.matched())
                + "</mark> in <code>"
                + Html.escape(factor.field())
                + "</code> at "
                + factor.start()
                + ": <span class=\"mono\">"
                + highlighted(alert.field(factor.field()), factor)
                + "</span>";
    }

    /** The field's value with the matched part marked, when it is found at its place. */
    private static String highlighted(String value, Explanation.Factor factor) {
        int start = factor.start();
        int end = start + factor.matched().length();
        if (start < 0
                || end > value.length()
                || !value.substring(start, end).equalsIgnoreCase(factor.matched())) {
            return Html.escape(value);
        }
        return Html.escape(value.substring(0, start))
                + "<mark>"
                + Html.escape(value.substring(start, end))
                + "</mark>"
                + Html.escape(value.substring(end));
    }

    private static void fields(StringBuilder html, Map<String, List<String>> fields) {
        html.append("<h3>Fields</h3><table class=\"grid fields\">");
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            html.append("<tr><th>")
                    .append(Html.escape(field.getKey()))
                    .append("</th><td class=\"cmd\">")
                    .append(Html.escape(String.join("\n", field.getValue())))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void atJob(StringBuilder html, ReportAlert alert) {
        if (alert.atJob().isEmpty() && alert.atJobNotes().isEmpty()) {
            return;
        }
        html.append("<h3>At job</h3>");
        if (!alert.atJob().isEmpty()) {
            html.append("<table class=\"kv atjob\">");
            alert.atJob()
                    .forEach(
                            (name, value) ->
                                    html.append("<tr><th>")
                                            .append(Html.escape(name))
                                            .append("</th><td class=\"mono\">")
                                            .append(Html.escape(value))
                                            .append("</td></tr>"));
            html.append("</table>");
        }
        for (String note : alert.atJobNotes()) {
            html.append("<p class=\"muted\">").append(Html.escape(note)).append("</p>");
        }
    }

    private static void raw(StringBuilder html, String raw) {
        html.append("<h3>Raw event</h3>");
        if (raw == null) {
            html.append("<p class=\"muted\">Not kept for this alert.</p>");
            return;
        }
        String shown =
                raw.length() <= HtmlReportWriter.MAX_RAW_CHARS
                        ? raw
                        : raw.substring(0, HtmlReportWriter.MAX_RAW_CHARS) + "\n\u2026 (cut)";
        html.append("<pre class=\"raw\">").append(Html.escape(shown)).append("</pre>");
    }
}
