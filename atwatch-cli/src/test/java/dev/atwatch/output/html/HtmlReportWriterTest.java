package dev.atwatch.output.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page is self-contained and log text never becomes markup. */
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
        assertThat(count(html, "<g class=\"lane\">")).isEqualTo(2);
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
    }

    @Test
    void alertsWithoutTimeAreListedButNotDrawn() throws IOException {
        String html = write(report(alert("ws1", "at 10:00 cmd", 1, null)));

        assertThat(html).contains("No alert has a time.").contains("<tr class=\"alert s1\"");
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

    static RunReport report(ReportAlert... alerts) {
        return new RunReport(RunReport.VERSION, summary(), List.of(alerts), List.of());
    }

    static RunSummary summary() {
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
                List.of());
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
