package dev.atwatch.output.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The page is self-contained, log text never becomes markup, rules are named, suppressions are
 * accounted for, and a large run is cut to the page's limits with a note of what was left out.
 */
class HtmlReportWriterTest {

    private static final String HOSTILE_COMMAND =
            "cmd.exe /c \"</td></tr><script>alert(1)</script><img src=x onerror=alert(2)>\"";
    private static final String HOSTILE_HOST = "evil\"><svg onload=alert(3)>";
    private static final String HOSTILE_RAW = "</pre><script src=\"https://evil.example/x.js\">";

    @Test
    void logTextIsEscapedEverywhereItIsShown() throws IOException {
        String html = write(report(alert(HOSTILE_HOST, HOSTILE_COMMAND, 3, 1.7e9)));

        assertThat(html)
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x")
                .doesNotContain("<svg onload")
                .doesNotContain("<script src=")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("evil&quot;&gt;&lt;svg onload=alert(3)&gt;")
                .contains("&lt;/pre&gt;&lt;script src=&quot;https://evil.example/x.js&quot;&gt;");
        assertThat(count(html, "<script")).isEqualTo(1);
    }

    @Test
    void pageLoadsNothingFromElsewhere() throws IOException {
        String html = write(report(alert("ws1", "at 10:00 cmd", 1, 1.7e9)));

        assertThat(html).doesNotContain("<link").doesNotContain(" src=\"").doesNotContain("url(");
        assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
        assertThat(html).contains("<style>").contains("<svg id=\"timeline-chart\"");
    }

    @Test
    void rowsAreColouredByScoreAndTheTimelineHasALanePerHost() throws IOException {
        String html =
                write(
                        report(
                                alert("ws1", "at 10:00 cmd", 0, 1.7e9),
                                alert("ws2", "at 10:00 powershell", 2, 1.7e9 + 60),
                                alert("ws2", "at 10:00 powershell /interactive", 5, 1.7e9 + 90)));

        assertThat(html).contains("<tr class=\"alert s0\"", "<tr class=\"alert s2\"");
        assertThat(html).contains("<tr class=\"alert s3\"");
        assertThat(count(html, "<g class=\"lane\" ")).isEqualTo(2);
        assertThat(count(html, "<circle")).isEqualTo(3);
    }

    @Test
    void suppressedAlertsGetTheirOwnSectionNamingTheEntry() throws IOException {
        ReportAlert kept = alert("ws1", "at 10:00 cmd", 1, 1.7e9);
        ReportAlert held = withSuppression(alert("bkp1", "at 02:00 backup.bat", 1, 1.7e9));
        RunReport report =
                new RunReport(RunReport.VERSION, summary(), List.of(kept), List.of(held));

        String html = write(report);

        assertThat(html).contains("<section id=\"suppressed\"><h2>Suppressed alerts (1)</h2>");
        assertThat(html).contains("suppressed by <code>nightly-backup</code>");
        assertThat(count(html, "<tr class=\"alert")).isEqualTo(1);
        String detail = html.substring(html.indexOf("id=\"suppressed-1\""));
        assertThat(detail.substring(0, detail.indexOf("</summary>")))
                .as("the closed details name the entry")
                .contains("suppressed by <code class=\"entry\">nightly-backup</code>");
    }

    @Test
    void runSectionNamesTheSuppressionFileAndWhatEachEntryHeldBack() throws IOException {
        RunSummary.SuppressionFile file =
                new RunSummary.SuppressionFile(
                        "team/allow.yaml",
                        List.of(
                                new RunSummary.SuppressionEntry(
                                        "nightly-backup", "ops@x", "backup", null, false, 12),
                                new RunSummary.SuppressionEntry(
                                        "old-admins", "win@x", "moved", "2020-01-01", true, 0)));
        RunReport report =
                new RunReport(
                        RunReport.VERSION,
                        summary(file),
                        List.of(alert("ws1", "at 10:00 cmd", 1, 1.7e9)),
                        List.of());

        String run = section(write(report), "summary");

        assertThat(run)
                .contains("team/allow.yaml: 12 alert(s) held back by 1 of its 2 entries")
                .contains("<td><code>nightly-backup</code></td><td class=\"count\">12</td>")
                .contains("<tr class=\"expired\"><td><code>old-admins</code></td>")
                .contains("2020-01-01 (expired: it held nothing back)");
    }

    @Test
    void rulesAreShownByNameWithTheIdInATooltipAndFoundByTheFilter() throws IOException {
        String id = "linux-shell-started-by-atd";
        ReportAlert alert = withRule(alert("db02", "/bin/sh", 2, 1.7e9), id, "Shell By Atd");
        RunReport report = new RunReport(RunReport.VERSION, summary(), List.of(alert), List.of());

        String html = write(report);

        assertThat(section(html, "alerts"))
                .contains("<td class=\"rule\" title=\"" + id + "\">Shell By Atd</td>")
                .contains("data-search=\"" + id + " shell by atd ");
        assertThat(section(html, "summary"))
                .contains("<td class=\"rule\" title=\"t1053-002-reference\">reference</td>");
        assertThat(html).contains("\u2014 Shell By Atd \u2014 score 2</summary>");
    }

    @Test
    void runFilesWithoutRuleNamesTakeTheNamesOfTheirAlerts() throws IOException {
        ReportAlert alert = withRule(alert("db02", "at now", 1, 1.7e9), "r-1", "Linux At Job");
        RunSummary old = summary();
        RunSummary withoutNames =
                new RunSummary(
                        old.generated(),
                        old.command(),
                        old.semantics(),
                        old.profile(),
                        old.paths(),
                        old.formats(),
                        old.inputs(),
                        old.bytes(),
                        old.records(),
                        old.events(),
                        old.rejected(),
                        old.rejections(),
                        old.skippedInputs(),
                        null,
                        null,
                        null,
                        null,
                        old.seconds(),
                        Map.of("r-1", 1L, "r-2", 0L),
                        old.notes(),
                        null,
                        null);

        String run =
                section(
                        write(new RunReport(1, withoutNames, List.of(alert), List.of())),
                        "summary");

        assertThat(run)
                .contains("<td class=\"rule\" title=\"r-1\">Linux At Job</td>")
                .contains("<td class=\"rule\" title=\"r-2\">r-2</td>");
    }

    @Test
    void aRunPastTheLimitsKeepsTheHighestScoresAndSaysWhatItLeftOut() throws IOException {
        List<ReportAlert> alerts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            alerts.add(alert("ws" + (i % 3), "at 10:00 cmd " + i, i % 7, 1.7e9 + i * 60));
        }
        RunReport report = new RunReport(RunReport.VERSION, summary(), alerts, List.of());

        String html = write(report, new HtmlReportWriter.Limits(10, 3));

        List<Integer> listed = numbers(html, "<tr class=\"alert [^\"]*\" data-alert=\"(\\d+)\"");
        List<Integer> detailed =
                numbers(html, "<details class=\"alert-detail\" id=\"alert-(\\d+)\"");
        assertThat(listed).hasSize(10).isSorted();
        assertThat(listed).allSatisfy(n -> assertThat(alerts.get(n - 1).score()).isGreaterThan(3));
        assertThat(detailed).hasSize(3);
        assertThat(detailed).allSatisfy(n -> assertThat(alerts.get(n - 1).score()).isEqualTo(6));
        assertThat(count(html, "data-detail=\"none\"")).isEqualTo(7);
        assertThat(html)
                .contains("lists the 10 highest-scoring of the 30 alerts (--report-rows 10)")
                .contains("for the 3 highest-scoring alerts (--report-details 3)")
                .contains("<code>--format csv</code>");
        assertThat(numbers(html, "data-count=\"(\\d+)\"").stream().mapToInt(n -> n).sum())
                .as("the timeline draws every alert")
                .isEqualTo(30);
    }

    @Test
    void rowsPastTheFirstPageStayOutOfTheLayoutUntilTheScriptPagesThem() throws IOException {
        List<ReportAlert> alerts = new ArrayList<>();
        for (int i = 0; i < HtmlReportWriter.PAGE_ROWS + 20; i++) {
            alerts.add(alert("ws1", "at 10:00 cmd", 1, 1.7e9 + i));
        }

        String html = write(new RunReport(RunReport.VERSION, summary(), alerts, List.of()));

        assertThat(count(html, "<tr class=\"alert s1\"")).isEqualTo(HtmlReportWriter.PAGE_ROWS);
        assertThat(count(html, "<tr class=\"alert s1 off-page\"")).isEqualTo(20);
        assertThat(html)
                .contains("data-page-rows=\"" + HtmlReportWriter.PAGE_ROWS + "\"")
                .contains("<noscript><style>#alert-table tr.off-page { display: table-row; }");
    }

    @Test
    void limitsBelowTheirLeastAreRefused() {
        assertThatThrownBy(() -> new HtmlReportWriter.Limits(0, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows 0");
        assertThatThrownBy(() -> new HtmlReportWriter.Limits(5, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("details -1");
    }

    @Test
    void alertsWithoutTimeAreListedButNotDrawn() throws IOException {
        String html = write(report(alert("ws1", "at 10:00 cmd", 1, null)));

        assertThat(html).contains("No alert has a time.").contains("<tr class=\"alert s1\"");
    }

    private static String write(RunReport report) throws IOException {
        return write(report, HtmlReportWriter.Limits.DEFAULTS);
    }

    private static String write(RunReport report, HtmlReportWriter.Limits limits)
            throws IOException {
        StringWriter out = new StringWriter();
        new HtmlReportWriter(limits).write(report, out);
        return out.toString();
    }

    /** The section of the page with {@code id}. */
    private static String section(String html, String id) {
        String from = html.substring(html.indexOf("<section id=\"" + id + "\""));
        return from.substring(0, from.indexOf("</section>"));
    }

    /** The first group of every match of {@code regex}, as numbers, in page order. */
    private static List<Integer> numbers(String html, String regex) {
        List<Integer> numbers = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(html);
        while (matcher.find()) {
            numbers.add(Integer.parseInt(matcher.group(1)));
        }
        return numbers;
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    static RunReport report(ReportAlert... alerts) {
        return new RunReport(RunReport.VERSION, summary(), List.of(alerts), List.of());
    }

    static RunSummary summary() {
        return summary(null);
    }

    static RunSummary summary(RunSummary.SuppressionFile suppressions) {
        return new RunSummary(
                "2026-12-03T10:00:00.000+00:00",
                "hunt",
                "portable",
                "ta-windows-legacy",
                List.of("logs/"),
                Map.of("winxml", 1L),
                1,
                1000,
                10,
                10,
                1,
                List.of(new RunSummary.Rejection("xml-malformed", 1, List.of("a.xml:3 <b>"))),
                List.of(),
                null,
                null,
                null,
                null,
                0.5,
                Map.of("t1053-002-reference", 1L),
                List.of(),
                Map.of("t1053-002-reference", "reference"),
                suppressions);
    }

    static ReportAlert alert(String host, String command, int score, Double time) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("host", List.of(host));
        fields.put("CommandLine", List.of(command));
        fields.put("SuspicionScore", List.of(Integer.toString(score)));
        Explanation why =
                new Explanation(
                        List.of("EventCode=1"),
                        List.of(
                                new Explanation.Factor(
                                        "IsSuspiciousPayload",
                                        "if(match(lower(CommandLine), \"cmd\"), 1, 0)",
                                        "CommandLine",
                                        "cmd",
                                        "cmd",
                                        command.indexOf("cmd"),
                                        List.of())));
        return new ReportAlert(
                "t1053-002-reference",
                "reference",
                "medium",
                time,
                fields,
                "a.xml:1",
                HOSTILE_RAW,
                why,
                Map.of("JobCommand", command),
                List.of(),
                null);
    }

    private static ReportAlert withRule(ReportAlert alert, String id, String name) {
        return new ReportAlert(
                id,
                name,
                alert.severity(),
                alert.time(),
                alert.fields(),
                alert.source(),
                alert.raw(),
                alert.explain(),
                alert.atJob(),
                alert.atJobNotes(),
                alert.suppressedBy());
    }

    private static ReportAlert withSuppression(ReportAlert alert) {
        return new ReportAlert(
                alert.ruleId(),
                alert.ruleName(),
                alert.severity(),
                alert.time(),
                alert.fields(),
                alert.source(),
                alert.raw(),
                alert.explain(),
                alert.atJob(),
                alert.atJobNotes(),
                "nightly-backup");
    }
}
