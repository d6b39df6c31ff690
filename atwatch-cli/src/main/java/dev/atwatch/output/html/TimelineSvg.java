package dev.atwatch.output.html;

import dev.atwatch.output.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An inline SVG timeline: one lane per host, one dot per alert at its time, coloured by score and
 * linked to the alert's details. Hosts past {@link #MAX_LANES} share a last lane.
 */
final class TimelineSvg {

    /** Most host lanes drawn; further hosts share one lane. */
    static final int MAX_LANES = 40;

    private static final int WIDTH = 960;
    private static final int LABEL = 180;
    private static final int LANE = 26;
    private static final int TOP = 10;
    private static final int AXIS = 30;
    private static final int TICKS = 4;

    private TimelineSvg() {}

    /** The SVG element, or a note when no alert has a time. */
    static String render(List<ReportAlert> alerts) {
        Map<String, List<Integer>> lanes = lanes(alerts);
        if (lanes.isEmpty()) {
            return "<p class=\"muted\">No alert has a time.</p>";
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (ReportAlert alert : alerts) {
            if (alert.time() != null) {
                min = Math.min(min, alert.time());
                max = Math.max(max, alert.time());
            }
        }
        int height = TOP + lanes.size() * LANE + AXIS;
        StringBuilder svg = new StringBuilder();
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<svg id=\"timeline-chart\" xmlns=\"http://www.w3.org/2000/svg\""
                                + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                                + " role=\"img\" aria-label=\"alerts per host over time\">",
                        WIDTH,
                        height,
                        WIDTH,
                        height));
        int lane = 0;
        for (Map.Entry<String, List<Integer>> entry : lanes.entrySet()) {
            lane(svg, lane++, entry.getKey(), entry.getValue(), alerts, min, max);
        }
        axis(svg, height, min, max);
        return svg.append("</svg>").toString();
    }

    private static Map<String, List<Integer>> lanes(List<ReportAlert> alerts) {
        Map<String, List<Integer>> lanes = new LinkedHashMap<>();
        for (int i = 0; i < alerts.size(); i++) {
            ReportAlert alert = alerts.get(i);
            if (alert.time() == null) {
                continue;
            }
            String host = alert.field("host").isEmpty() ? "(no host)" : alert.field("host");
            if (!lanes.containsKey(host) && lanes.size() >= MAX_LANES - 1) {
                host = "(other hosts)";
            }
            lanes.computeIfAbsent(host, h -> new ArrayList<>()).add(i);
        }
        return lanes;
    }

    private static void lane(
            StringBuilder svg,
            int lane,
            String host,
            List<Integer> members,
            List<ReportAlert> alerts,
            double min,
            double max) {
        int y = TOP + lane * LANE + LANE / 2;
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<g class=\"lane\"><line class=\"lane\" x1=\"%d\" y1=\"%d\" x2=\"%d\""
                                + " y2=\"%d\"/><text x=\"4\" y=\"%d\">%s</text>",
                        LABEL,
                        y,
                        WIDTH - 10,
                        y,
                        y + 4,
                        Html.escape(shorten(host, 28))));
        for (int index : members) {
            ReportAlert alert = alerts.get(index);
            int score = Math.min(3, Math.max(0, alert.score()));
            svg.append(
                    String.format(
                            Locale.ROOT,
                            "<a href=\"#alert-%d\"><circle class=\"s%d\" cx=\"%.1f\" cy=\"%d\""
                                    + " r=\"6\"><title>%s</title></circle></a>",
                            index + 1,
                            score,
                            x(alert.time(), min, max),
                            y,
                            Html.escape(tooltip(alert))));
        }
        svg.append("</g>");
    }

    /** Time labels under the lanes: the first and last alert and, between them, even ticks. */
    private static void axis(StringBuilder svg, int height, double min, double max) {
        int y = height - AXIS + 18;
        int ticks = max > min ? TICKS : 0;
        for (int i = 0; i <= ticks; i++) {
            double time = ticks == 0 ? min : min + (max - min) * i / ticks;
            String anchor = i == 0 ? "start" : i == ticks ? "end" : "middle";
            double x = ticks == 0 ? LABEL : x(time, min, max);
            svg.append(
                    String.format(
                            Locale.ROOT,
                            "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">%s</text>",
                            x,
                            TOP,
                            x,
                            height - AXIS + 4,
                            x,
                            y,
                            anchor,
                            Html.escape(tickLabel(time))));
        }
    }

    /** {@code 2026-03-10 13:05} (UTC): ticks need minutes, the details carry the exact time. */
    private static String tickLabel(double time) {
        String iso = Values.isoTime(time);
        return iso.substring(0, 10) + " " + iso.substring(11, 16);
    }

    private static double x(double time, double min, double max) {
        double plot = WIDTH - 10 - LABEL - 20;
        if (max <= min) {
            return LABEL + 10 + plot / 2;
        }
        return LABEL + 10 + (time - min) / (max - min) * plot;
    }

    private static String tooltip(ReportAlert alert) {
        return Values.isoTime(alert.time())
                + "  "
                + alert.ruleId()
                + "  score "
                + alert.score()
                + "\n"
                + shorten(alert.field("CommandLine"), 80);
    }

    private static String shorten(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars - 1) + "\u2026";
    }
}
