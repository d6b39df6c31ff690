package dev.atwatch.output.html;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The run summary section of the report: what was read, the rows each rule found (by rule name, the
 * id in a tooltip), the suppression file with what each entry held back, rejections and notes.
 */
final class RunSummaryHtml {

    private RunSummaryHtml() {}

    /** The section; {@code ruleNames} gives the names of the rules by id, where known. */
    static String render(RunSummary summary, int alerts, Map<String, String> ruleNames) {
        StringBuilder html = new StringBuilder("<section id=\"summary\"><h2>Run</h2>");
        html.append("<table class=\"kv\">");
        pair(html, "alerts", Integer.toString(alerts));
        pair(html, "command", summary.command());
        pair(html, "generated", summary.generated());
        pair(html, "paths", String.join(", ", summary.paths()));
        pair(html, "inputs", summary.inputs() + joined(summary.formats()));
        pair(html, "bytes", String.format(Locale.ROOT, "%,d", summary.bytes()));
        pair(html, "records read", String.format(Locale.ROOT, "%,d", summary.records()));
        pair(html, "events parsed", String.format(Locale.ROOT, "%,d", summary.events()));
        pair(html, "records rejected", String.format(Locale.ROOT, "%,d", summary.rejected()));
        pair(html, "semantics", summary.semantics() + ", profile " + summary.profile());
        pair(html, "time range asked", range(summary.earliest(), summary.latest()));
        pair(html, "alerts from", range(summary.firstAlert(), summary.lastAlert()));
        pair(html, "elapsed", String.format(Locale.ROOT, "%.2f s", summary.seconds()));
        if (summary.suppressions() != null) {
            pair(html, "suppressions", suppressionLine(summary.suppressions()));
        }
        html.append("<tr><th>rows per rule</th><td>");
        rowsPerRule(html, summary.rowsPerRule(), ruleNames);
        html.append("</td></tr></table>");
        suppressionEntries(html, summary.suppressions());
        rejections(html, summary);
        lines(html, "Inputs skipped", summary.skippedInputs());
        lines(html, "Notes", summary.notes());
        return html.append("</section>\n").toString();
    }

    private static void pair(StringBuilder html, String name, String value) {
        html.append("<tr><th>")
                .append(Html.escape(name))
                .append("</th><td>")
                .append(Html.escape(value))
                .append("</td></tr>");
    }

    private static String range(String from, String to) {
        if (from == null && to == null) {
            return "all";
        }
        return (from == null ? "(open)" : from) + " \u2013 " + (to == null ? "(open)" : to);
    }

    private static String joined(Map<String, Long> counts) {
        return counts.isEmpty() ? "" : " (" + joinedPlain(counts) + ")";
    }

    /** One line per rule: its name (the id as a tooltip) and its rows. */
    private static void rowsPerRule(
            StringBuilder html, Map<String, Long> rows, Map<String, String> names) {
        html.append("<table class=\"rule-rows\">");
        rows.forEach(
                (id, count) ->
                        html.append("<tr><td class=\"rule\" title=\"")
                                .append(Html.escape(id))
                                .append("\">")
                                .append(Html.escape(names.getOrDefault(id, id)))
                                .append("</td><td class=\"count\">")
                                .append(String.format(Locale.ROOT, "%,d", count))
                                .append("</td></tr>"));
        html.append("</table>");
    }

    private static String suppressionLine(RunSummary.SuppressionFile file) {
        return String.format(
                Locale.ROOT,
                "%s: %,d alert(s) held back by %d of its %d entries",
                file.path(),
                file.suppressed(),
                file.entries().stream().filter(e -> e.suppressed() > 0).count(),
                file.entries().size());
    }

    /** Each entry of the suppression file with what it held back, expired ones marked. */
    private static void suppressionEntries(StringBuilder html, RunSummary.SuppressionFile file) {
        if (file == null || file.entries().isEmpty()) {
            return;
        }
        html.append("<h3>Suppression entries</h3><table class=\"grid suppressions\"><tr>");
        html.append("<th>entry</th><th>alerts held back</th><th>owner</th><th>reason</th>");
        html.append("<th>expires</th></tr>");
        for (RunSummary.SuppressionEntry entry : file.entries()) {
            html.append(entry.expired() ? "<tr class=\"expired\">" : "<tr>")
                    .append("<td><code>")
                    .append(Html.escape(entry.id()))
                    .append("</code></td><td class=\"count\">")
                    .append(String.format(Locale.ROOT, "%,d", entry.suppressed()))
                    .append("</td><td>")
                    .append(Html.escape(entry.owner()))
                    .append("</td><td>")
                    .append(Html.escape(entry.reason()))
                    .append("</td><td>")
                    .append(Html.escape(expiry(entry)))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static String expiry(RunSummary.SuppressionEntry entry) {
        if (entry.expires() == null) {
            return "never";
        }
        return entry.expired()
                ? entry.expires() + " (expired: it held nothing back)"
                : entry.expires();
    }

    private static String joinedPlain(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static void rejections(StringBuilder html, RunSummary summary) {
        if (summary.rejections().isEmpty()) {
            return;
        }
        html.append("<h3>Rejected records</h3><ul id=\"rejections\">");
        for (RunSummary.Rejection rejection : summary.rejections()) {
            html.append("<li><code>")
                    .append(Html.escape(rejection.reason()))
                    .append("</code>: ")
                    .append(rejection.count());
            for (String where : rejection.locations()) {
                html.append("<br><span class=\"mono muted\">at ")
                        .append(Html.escape(where))
                        .append("</span>");
            }
            html.append("</li>");
        }
        html.append("</ul>");
    }

    private static void lines(StringBuilder html, String title, java.util.List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        html.append("<h3>").append(Html.escape(title)).append("</h3><ul>");
        for (String line : lines) {
            html.append("<li>").append(Html.escape(line)).append("</li>");
        }
        html.append("</ul>");
    }
}
