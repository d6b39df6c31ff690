package dev.atwatch.output.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Chains in the report: one flow per chain, the alert table's chain column, details' links. */
class ChainFlowHtmlTest {

    private static final double T = 1.7e9;

    @Test
    void eachChainIsAFlowOfItsThreeLinksInOrder() throws IOException {
        String html = write(report(List.of(complete("C1")), List.of()));

        String flow = article(html, "C1");
        assertThat(flow).startsWith("<article class=\"chain-flow complete\" id=\"chain-C1\">");
        assertThat(count(flow, "<li class=\"step seen\">")).isEqualTo(3);
        assertThat(flow.indexOf(">Creation<"))
                .isLessThan(flow.indexOf(">Registration<"))
                .isLessThan(flow.indexOf(">Execution<"));
        assertThat(flow)
                .contains("at 10:00 cmd", "Security 4698", "At1", "cmd.exe /c whoami")
                .contains("2023-11-14T22:13:20.000+00:00")
                .contains("sysmon.xml:7", "security.xml:3")
                .contains("also in 1 other event")
                .contains("<span class=\"status complete\">complete</span>");
    }

    @Test
    void partialChainShowsTheMissingLinkThePredictedWindowAndTheNote() throws IOException {
        String html = write(report(List.of(partial("C2")), List.of()));

        String flow = article(html, "C2");
        assertThat(flow).startsWith("<article class=\"chain-flow partial\"");
        assertThat(count(flow, "<li class=\"step seen\">")).isEqualTo(2);
        assertThat(count(flow, "<li class=\"step missing\">")).isEqualTo(1);
        String missing = flow.substring(flow.indexOf("<li class=\"step missing\">"));
        assertThat(missing)
                .startsWith("<li class=\"step missing\"><div class=\"link\">Execution</div>")
                .contains("not seen")
                .contains("predicted between 2023-11-15T10:00:00.000+00:00 and");
        assertThat(flow)
                .contains("partial (no execution)")
                .contains("<p class=\"note\">the input ends before the predicted run</p>");
    }

    @Test
    void alertsLinkToTheirChainAndTheChainToItsAlerts() throws IOException {
        ReportAlert creation = named(alert("sysmon.xml:7"), "C1");
        ReportAlert registration = named(alert("security.xml:3"), "C1");
        ReportAlert other = alert("other.xml:1");

        String html =
                write(report(List.of(complete("C1")), List.of(creation, registration, other)));

        assertThat(html).contains("<th data-col=\"chain\" data-type=\"num\">chain</th>");
        assertThat(count(html, "<td data-value=\"1\"><a href=\"#chain-C1\">C1</a></td>"))
                .isEqualTo(2);
        assertThat(article(html, "C1"))
                .contains("Alerts: <a href=\"#alert-1\">#1</a> <a href=\"#alert-2\">#2</a></p>");
        assertThat(detail(html, 1))
                .contains(
                        "Chain <a href=\"#chain-C1\">C1</a>: this event"
                                + " records its creation.");
        assertThat(detail(html, 2)).contains("this event records its registration.");
        assertThat(detail(html, 3)).doesNotContain("class=\"chain-of\"");
    }

    @Test
    void suppressedAlertsNameTheirChainToo() throws IOException {
        ReportAlert held = named(alert("security.xml:3"), "C1");
        RunReport report =
                new RunReport(
                        RunReport.VERSION,
                        HtmlReportWriterTest.summary(),
                        List.of(),
                        List.of(held),
                        List.of(complete("C1")));

        String html = write(report);

        String detail = html.substring(html.indexOf("id=\"suppressed-1\""));
        assertThat(detail.substring(0, detail.indexOf("</details>")))
                .contains(
                        "Chain <a href=\"#chain-C1\">C1</a>: this event records its registration.");
    }

    @Test
    void withoutChainsThereIsNoChainSectionOrColumn() throws IOException {
        String html = write(HtmlReportWriterTest.report(alert("a.xml:1")));

        assertThat(html).doesNotContain("id=\"chains\"").doesNotContain("data-col=\"chain\"");
    }

    @Test
    void runWithoutChainsFoundSaysSo() throws IOException {
        String html = write(report(List.of(), List.of(alert("a.xml:1"))));

        assertThat(html).contains("<h2>Chains (0)</h2>").contains("0 complete, 0 partial");
    }

    @Test
    void chainTextFromLogsIsEscaped() throws IOException {
        ReportChain.Step hostile =
                new ReportChain.Step(
                        "creation",
                        T,
                        "Sysmon 1",
                        "a.xml:1",
                        "C:\\Windows\\at.exe",
                        "at 10:00 \"<script>alert(1)</script>\"",
                        "<b>user</b>",
                        null,
                        List.of("a.xml:1"));
        ReportChain chain =
                new ReportChain(
                        "C1\"><svg onload=alert(2)>",
                        "<i>host</i>",
                        "partial (no registration, execution)",
                        List.of("registration", "execution"),
                        "<img src=x>",
                        Map.of("JobCommand", "<script>"),
                        null,
                        null,
                        hostile,
                        null,
                        null);

        ReportAlert alert = named(alert("a.xml:1"), chain.id());
        ReportChain.Step forged =
                new ReportChain.Step(
                        "<u>registration</u>",
                        T,
                        "",
                        "b.xml:1",
                        null,
                        null,
                        null,
                        null,
                        List.of("a.xml:1"));
        ReportChain other =
                new ReportChain(
                        "C2",
                        "ws1",
                        "partial (no creation)",
                        List.of("creation"),
                        "",
                        Map.of(),
                        null,
                        null,
                        null,
                        forged,
                        null);

        String html = write(report(List.of(chain, other), List.of(alert, named(alert, "C2"))));

        assertThat(html)
                .doesNotContain("<u>registration")
                .contains("records its &lt;u&gt;registration&lt;/u&gt;.")
                .doesNotContain("<script>alert")
                .doesNotContain("<svg onload")
                .doesNotContain("<img src=x")
                .doesNotContain("<b>user")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("id=\"chain-C1&quot;&gt;&lt;svg onload=alert(2)&gt;\"");
        assertThat(count(html, "<script")).isEqualTo(1);
    }

    private static RunReport report(List<ReportChain> chains, List<ReportAlert> alerts) {
        return new RunReport(
                RunReport.VERSION, HtmlReportWriterTest.summary(), alerts, List.of(), chains);
    }

    private static ReportChain complete(String id) {
        return new ReportChain(
                id,
                "ws1",
                "complete",
                List.of(),
                "",
                Map.of("JobTime", "10:00", "JobCommand", "cmd.exe /c whoami"),
                "2023-11-15T10:00:00.000+00:00",
                "2023-11-16T09:01:00.000+00:00",
                creation(),
                registration(),
                new ReportChain.Step(
                        "execution",
                        T + 3000,
                        "Sysmon 1",
                        "sysmon.xml:9",
                        "C:\\Windows\\System32\\cmd.exe",
                        "cmd.exe /c whoami",
                        "NT AUTHORITY\\SYSTEM",
                        null,
                        List.of("sysmon.xml:9")));
    }

    private static ReportChain partial(String id) {
        return new ReportChain(
                id,
                "ws1",
                "partial (no execution)",
                List.of("execution"),
                "the input ends before the predicted run",
                Map.of("JobCommand", "cmd.exe /c whoami"),
                "2023-11-15T10:00:00.000+00:00",
                "2023-11-16T09:01:00.000+00:00",
                creation(),
                registration(),
                null);
    }

    private static ReportChain.Step creation() {
        return new ReportChain.Step(
                "creation",
                T,
                "Sysmon 1",
                "sysmon.xml:7",
                "C:\\Windows\\System32\\at.exe",
                "at 10:00 cmd",
                "HERON\\t.vance",
                null,
                List.of("sysmon.xml:7", "security.xml:2"));
    }

    private static ReportChain.Step registration() {
        return new ReportChain.Step(
                "registration",
                T + 1,
                "Security 4698",
                "security.xml:3",
                null,
                null,
                "t.vance",
                "At1",
                List.of("security.xml:3"));
    }

    private static ReportAlert alert(String source) {
        ReportAlert base = HtmlReportWriterTest.alert("ws1", "at 10:00 cmd", 1, T);
        return new ReportAlert(
                base.ruleId(),
                base.ruleName(),
                base.severity(),
                base.time(),
                base.fields(),
                source,
                base.raw(),
                base.explain(),
                base.atJob(),
                base.atJobNotes(),
                null);
    }

    private static ReportAlert named(ReportAlert alert, String chain) {
        Map<String, List<String>> fields = new LinkedHashMap<>(alert.fields());
        fields.put("chain", new ArrayList<>(List.of(chain)));
        return new ReportAlert(
                alert.ruleId(),
                alert.ruleName(),
                alert.severity(),
                alert.time(),
                fields,
                alert.source(),
                alert.raw(),
                alert.explain(),
                alert.atJob(),
                alert.atJobNotes(),
                null);
    }

    private static String article(String html, String id) {
        int start = html.indexOf("id=\"chain-" + id + "\"");
        assertThat(start).as("flow of " + id).isPositive();
        start = html.lastIndexOf("<article", start);
        return html.substring(start, html.indexOf("</article>", start));
    }

    private static String detail(String html, int number) {
        int start = html.indexOf("<details class=\"alert-detail\" id=\"alert-" + number + "\">");
        assertThat(start).as("details of alert " + number).isPositive();
        return html.substring(start, html.indexOf("</details>", start));
    }

    private static String write(RunReport report) throws IOException {
        StringWriter out = new StringWriter();
        new HtmlReportWriter().write(report, out);
        return out.toString();
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
