package dev.atwatch.output.html;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The run summary section of the report. */
final class RunSummaryHtml {

    private RunSummaryHtml() {}

    static String render(RunSummary summary, int alerts) {
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
        pair(html, "rows per rule", joinedPlain(summary.rowsPerRule()));
        html.append("</table>");
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
