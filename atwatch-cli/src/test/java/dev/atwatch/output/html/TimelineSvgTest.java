package dev.atwatch.output.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The timeline groups bursts into marks, keeps hosts in lanes and carries data to redraw. */
class TimelineSvgTest {

    private static final double T0 = 1.7e9;
    private static final double DAY = 86_400;
    private static final Pattern MARK =
            Pattern.compile(
                    "<(a href=\"#alert-(\\d+)\"|g) class=\"mark\" data-from=\"[^\"]*\""
                            + " data-to=\"[^\"]*\" data-count=\"(\\d+)\"><circle class=\"s(\\d)\""
                            + " cx=\"[^\"]*\" cy=\"[^\"]*\" r=\"([^\"]*)\"");

    private record Drawn(int link, int count, int shade, double radius) {}

    @Test
    void aBurstOverALongSpanIsOneNumberedMarkNotABlob() {
        List<ReportAlert> alerts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            alerts.add(HtmlReportWriterTest.alert("ws1", "at 10:00 cmd", i == 7 ? 3 : 1, T0 + i));
        }
        alerts.add(HtmlReportWriterTest.alert("ws1", "at 10:00 cmd", 0, T0 + 180 * DAY));

        List<Drawn> marks = marks(TimelineSvg.render(alerts, i -> true));

        assertThat(marks).extracting(Drawn::count).containsExactly(50, 1);
        assertThat(marks.get(0).shade()).as("highest score of the burst").isEqualTo(3);
        assertThat(marks.get(0).link()).as("links to the highest-scoring alert").isEqualTo(8);
        assertThat(marks.get(0).radius()).isGreaterThan(marks.get(1).radius());
    }

    @Test
    void alertsFarApartOnOneHostAreMarksOfTheirOwn() {
        List<ReportAlert> alerts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alerts.add(HtmlReportWriterTest.alert("ws1", "at 10:00 cmd", 1, T0 + i * DAY));
        }

        List<Drawn> marks = marks(TimelineSvg.render(alerts, i -> true));

        assertThat(marks).hasSize(5).allSatisfy(m -> assertThat(m.count()).isEqualTo(1));
    }

    @Test
    void aMarkLinksOnlyToAlertsWhoseDetailsThePageHolds() {
        List<ReportAlert> alerts =
                List.of(
                        HtmlReportWriterTest.alert("ws1", "at 10:00 cmd", 3, T0),
                        HtmlReportWriterTest.alert("ws1", "at 10:00 cmd", 1, T0 + 1),
                        HtmlReportWriterTest.alert("ws2", "at 10:00 cmd", 2, T0 + 1));

        List<Drawn> marks = marks(TimelineSvg.render(alerts, i -> i == 1));

        assertThat(marks).extracting(Drawn::link).containsExactly(2, -1);
        assertThat(marks).extracting(Drawn::shade).containsExactly(3, 2);
    }

    @Test
    void lanesFollowEachHostsFirstAlertAndCarryTheAlertsForTheScript() {
        List<ReportAlert> alerts =
                List.of(
                        HtmlReportWriterTest.alert("late", "at 10:00 cmd", 1, T0 + 600),
                        HtmlReportWriterTest.alert("early", "at 10:00 cmd", 2, T0),
                        HtmlReportWriterTest.alert("late", "at 10:00 cmd", 5, T0 + 900.25));

        String svg = TimelineSvg.render(alerts, i -> true);

        assertThat(svg.indexOf(">early <tspan")).isLessThan(svg.indexOf(">late <tspan"));
        assertThat(svg)
                .contains("data-origin=\"1700000000\"")
                .contains(
                        "data-lane=\"1\" data-times=\"600 900.25\" data-scores=\"1 3\""
                                + " data-alerts=\"1 3\"");
    }

    @Test
    void hostsPastTheLaneLimitShareTheLastLane() {
        List<ReportAlert> alerts = new ArrayList<>();
        for (int i = 0; i < TimelineSvg.MAX_LANES + 5; i++) {
            alerts.add(HtmlReportWriterTest.alert("host" + i, "at 10:00 cmd", 1, T0 + i));
        }

        String svg = TimelineSvg.render(alerts, i -> true);

        assertThat(count(svg, "<g class=\"lane\"")).isEqualTo(TimelineSvg.MAX_LANES);
        assertThat(svg).contains(">(other hosts) <tspan class=\"n\">6</tspan>");
    }

    private static List<Drawn> marks(String svg) {
        List<Drawn> marks = new ArrayList<>();
        Matcher m = MARK.matcher(svg);
        while (m.find()) {
            marks.add(
                    new Drawn(
                            m.group(2) == null ? -1 : Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(4)),
                            Double.parseDouble(m.group(5))));
        }
        return marks;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
