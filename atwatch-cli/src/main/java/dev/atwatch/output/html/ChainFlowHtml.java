package dev.atwatch.output.html;

import dev.atwatch.output.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The chains of a report, each drawn as a flow from creation through registration to execution: one
 * box per link with its time, event source and command, a dashed box for a link not seen, the note
 * saying why a partial chain is partial, and links to the alerts that name the chain.
 */
final class ChainFlowHtml {

    /** The alert field naming the chain. */
    static final String COLUMN = "chain";

    private static final String[] LINKS = {"creation", "registration", "execution"};

    private ChainFlowHtml() {}

    /**
     * The chains section.
     *
     * @param chains the chains drawn (at most {@link HtmlReportWriter#MAX_CHAINS})
     * @param total how many chains the run has
     * @param alerts the alerts of the page, numbered from 1 as their details are
     */
    static String render(List<ReportChain> chains, int total, List<ReportAlert> alerts) {
        StringBuilder html = new StringBuilder("<section id=\"chains\"><h2>Chains (");
        html.append(total).append(")</h2>\n");
        long complete = chains.stream().filter(ReportChain::complete).count();
        html.append("<p class=\"muted\">Each at job from its creation to its run, per host: ")
                .append(complete)
                .append(" complete, ")
                .append(chains.size() - complete)
                .append(" partial.");
        if (total > chains.size()) {
            html.append(" Only the first ")
                    .append(chains.size())
                    .append(" chains are drawn; the run file holds all of them.");
        }
        html.append("</p>\n");
        Map<String, List<Integer>> alertsByChain = alertsByChain(alerts);
        for (ReportChain chain : chains) {
            flow(html, chain, alertsByChain.getOrDefault(chain.id(), List.of()));
        }
        return html.append("</section>\n").toString();
    }

    /**
     * The line of an alert's details that names its chain and the link its event records, or an
     * empty string when the alert names no chain.
     */
    static String mention(ReportAlert alert, Map<String, ReportChain> chains) {
        String id = alert.field(COLUMN);
        if (id.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<p class=\"chain-of\">Chain ");
        html.append(anchor(id));
        ReportChain chain = chains.get(id);
        String link = chain == null ? null : linkOf(chain, alert.source());
        if (link != null) {
            html.append(": this event records its ").append(Html.escape(link));
        }
        return html.append(".</p>").toString();
    }

    /** A link to a chain's flow. */
    static String anchor(String id) {
        String escaped = Html.escape(id);
        return "<a href=\"#chain-" + escaped + "\">" + escaped + "</a>";
    }

    /** The number in a chain id ({@code C12} gives 12), or -1; sorts the table's chain column. */
    static long number(String id) {
        String digits = id.startsWith("C") ? id.substring(1) : "";
        if (digits.isEmpty()
                || digits.length() > 9
                || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(digits);
    }

    private static void flow(StringBuilder html, ReportChain chain, List<Integer> alerts) {
        String state = chain.complete() ? "complete" : "partial";
        html.append("<article class=\"chain-flow ")
                .append(state)
                .append("\" id=\"chain-")
                .append(Html.escape(chain.id()))
                .append("\">");
        html.append("<h3>")
                .append(anchor(chain.id()))
                .append(" \u2014 ")
                .append(Html.escape(chain.host()))
                .append(" \u2014 <span class=\"status ")
                .append(state)
                .append("\">")
                .append(Html.escape(chain.status()))
                .append("</span></h3>");
        html.append("<ol class=\"flow\">");
        List<ReportChain.Step> steps = chain.steps();
        for (int i = 0; i < LINKS.length; i++) {
            step(html, LINKS[i], steps.get(i), chain);
        }
        html.append("</ol>");
        if (!chain.note().isEmpty()) {
            html.append("<p class=\"note\">").append(Html.escape(chain.note())).append("</p>");
        }
        job(html, chain);
        alertLinks(html, alerts);
        html.append("</article>\n");
    }

    private static void step(
            StringBuilder html, String link, ReportChain.Step step, ReportChain c) {
        if (step == null) {
            html.append("<li class=\"step missing\"><div class=\"link\">")
                    .append(title(link))
                    .append("</div><div class=\"unseen\">not seen</div>");
            if (link.equals("execution") && c.runFrom() != null) {
                html.append("<div class=\"muted\">predicted between ")
                        .append(Html.escape(c.runFrom()))
                        .append(" and ")
                        .append(Html.escape(c.runUntil()))
                        .append("</div>");
            }
            html.append("</li>");
            return;
        }
        html.append("<li class=\"step seen\"><div class=\"link\">").append(title(link));
        html.append("</div><div class=\"when\">");
        html.append(Html.escape(Values.isoTime(step.time()))).append("</div>");
        html.append("<div class=\"event\"><span class=\"kind\">")
                .append(Html.escape(step.kind()))
                .append("</span> <span class=\"mono src\">")
                .append(Html.escape(step.source()))
                .append("</span></div>");
        text(html, "cmd", step.detail());
        text(html, "cmd", step.commandLine());
        text(html, "muted path", step.image());
        text(html, "muted", step.user());
        int others = step.sources().size() - (step.sources().contains(step.source()) ? 1 : 0);
        if (others > 0) {
            html.append("<div class=\"muted\">also in ")
                    .append(others)
                    .append(others == 1 ? " other event" : " other events")
                    .append("</div>");
        }
        html.append("</li>");
    }

    private static void text(StringBuilder html, String cssClass, String value) {
        if (value != null && !value.isEmpty()) {
            html.append("<div class=\"")
                    .append(cssClass)
                    .append("\">")
                    .append(Html.escape(value))
                    .append("</div>");
        }
    }

    private static void job(StringBuilder html, ReportChain chain) {
        if (chain.job().isEmpty()) {
            return;
        }
        html.append("<p class=\"job\">Job:");
        chain.job()
                .forEach(
                        (name, value) ->
                                html.append(" <span class=\"mono\">")
                                        .append(Html.escape(name))
                                        .append("=")
                                        .append(Html.escape(value))
                                        .append("</span>"));
        html.append("</p>");
    }

    private static void alertLinks(StringBuilder html, List<Integer> alerts) {
        if (alerts.isEmpty()) {
            html.append("<p class=\"muted chain-alerts\">No alert names this chain.</p>");
            return;
        }
        html.append("<p class=\"chain-alerts\">Alerts:");
        for (int number : alerts) {
            html.append(" <a href=\"#alert-")
                    .append(number)
                    .append("\">#")
                    .append(number)
                    .append("</a>");
        }
        html.append("</p>");
    }

    /** The page's alert numbers by the chain each names. */
    private static Map<String, List<Integer>> alertsByChain(List<ReportAlert> alerts) {
        Map<String, List<Integer>> numbers = new LinkedHashMap<>();
        for (int i = 0; i < alerts.size(); i++) {
            String id = alerts.get(i).field(COLUMN);
            if (!id.isEmpty()) {
                numbers.computeIfAbsent(id, k -> new ArrayList<>()).add(i + 1);
            }
        }
        return numbers;
    }

    /** The link whose events include the one read at {@code source}, or {@code null}. */
    private static String linkOf(ReportChain chain, String source) {
        for (ReportChain.Step step : chain.steps()) {
            if (step != null
                    && (step.sources().contains(source) || Objects.equals(step.source(), source))) {
                return step.link();
            }
        }
        return null;
    }

    private static String title(String link) {
        return link.substring(0, 1).toUpperCase(Locale.ROOT) + link.substring(1);
    }
}
