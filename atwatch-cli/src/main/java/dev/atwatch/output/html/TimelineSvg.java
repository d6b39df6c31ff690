package dev.atwatch.output.html;

import dev.atwatch.output.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * An inline SVG timeline: one lane per host, ordered by each host's first alert, over the span of
 * the alerts with ticks at round times ({@link TimeTicks}). Alerts of a host that fall within
 * {@link #CLUSTER} units of each other are drawn as one mark, sized by how many it holds, coloured
 * by its highest score and labelled with its count, so that a burst over a long span stays
 * readable; a mark links to the details of its highest-scoring alert that has details.
 *
 * <p>Each lane carries its alerts' times ({@code data-times}, seconds after the chart's {@code
 * data-origin}), scores and numbers, from which the page's script redraws the chart at the window's
 * width and when it is zoomed. Hosts past {@link #MAX_LANES} share a last lane.
 */
final class TimelineSvg {

    /** Most host lanes drawn; further hosts share one lane. */
    static final int MAX_LANES = 40;

    /** Width of the chart as written; the page's script redraws it at the page's width. */
    static final int WIDTH = 1000;

    /** Alerts of one host closer than this, in chart units, make one mark. */
    static final int CLUSTER = 14;

    /** Least room per tick label, in chart units. */
    static final int TICK_SPACING = 110;

    private static final int LABEL = 190;
    private static final int RIGHT = 20;
    private static final int LANE = 28;
    private static final int TOP = 8;
    private static final int AXIS = 40;
    private static final double PADDING = 0.03;
    private static final double LEAST_PADDING = 30;
    private static final String OTHER_HOSTS = "(other hosts)";

    private record Lane(String host, List<Integer> alerts) {}

    /**
     * Alerts drawn as one mark.
     *
     * @param first the index of its first alert
     * @param link the index of the alert the mark links to, or -1 when none has details
     */
    record Mark(double from, double to, int count, int score, int first, int link) {}

    private TimelineSvg() {}

    /**
     * The SVG element, or a note when no alert has a time. {@code hasDetails} tells, by index in
     * {@code alerts}, which alerts have details on the page to link to; an alert {@code i} links to
     * {@code #alert-(i+1)}.
     */
    static String render(List<ReportAlert> alerts, IntPredicate hasDetails) {
        List<Lane> lanes = lanes(alerts);
        if (lanes.isEmpty()) {
            return "<p class=\"muted\">No alert has a time.</p>";
        }
        double[] span = span(alerts);
        double origin = span[0];
        double from = span[0] - padding(span);
        double to = span[1] + padding(span);
        Scale scale = new Scale(from, to, WIDTH);
        int height = TOP + lanes.size() * LANE + AXIS;
        StringBuilder svg = new StringBuilder();
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<svg id=\"timeline-chart\" xmlns=\"http://www.w3.org/2000/svg\""
                                + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                                + " data-origin=\"%s\" data-from=\"%s\" data-to=\"%s\""
                                + " data-label=\"%d\" data-right=\"%d\" data-top=\"%d\""
                                + " data-axis=\"%d\" data-cluster=\"%d\" data-tick-spacing=\"%d\""
                                + " role=\"img\" aria-label=\"alerts per host over time\">",
                        WIDTH,
                        height,
                        WIDTH,
                        height,
                        number(origin),
                        number(from),
                        number(to),
                        LABEL,
                        RIGHT,
                        TOP,
                        AXIS,
                        CLUSTER,
                        TICK_SPACING));
        axis(svg, scale, height);
        for (int i = 0; i < lanes.size(); i++) {
            lane(svg, i, lanes.get(i), alerts, hasDetails, scale, origin);
        }
        return svg.append("</svg>").toString();
    }

    /** Where times fall on the chart. */
    private record Scale(double from, double to, int width) {
        double x(double time) {
            double plot = width - LABEL - RIGHT;
            return LABEL + (time - from) / (to - from) * plot;
        }
    }

    /** Hosts in the order of their first alert, each with its alerts in time order. */
    private static List<Lane> lanes(List<ReportAlert> alerts) {
        Map<String, List<Integer>> byHost = new LinkedHashMap<>();
        List<Integer> timed = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            if (alerts.get(i).time() != null) {
                timed.add(i);
            }
        }
        timed.sort(Comparator.comparingDouble(i -> alerts.get(i).time()));
        for (int index : timed) {
            String host = alerts.get(index).field("host");
            host = host.isEmpty() ? "(no host)" : host;
            if (!byHost.containsKey(host) && byHost.size() >= MAX_LANES - 1) {
                host = OTHER_HOSTS;
            }
            byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(index);
        }
        List<Lane> lanes = new ArrayList<>();
        byHost.forEach((host, members) -> lanes.add(new Lane(host, members)));
        // the shared lane goes last, wherever its first alert falls
        lanes.sort(Comparator.comparing(lane -> lane.host().equals(OTHER_HOSTS)));
        return lanes;
    }

    private static double[] span(List<ReportAlert> alerts) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (ReportAlert alert : alerts) {
            if (alert.time() != null) {
                min = Math.min(min, alert.time());
                max = Math.max(max, alert.time());
            }
        }
        return new double[] {min, max};
    }

    private static double padding(double[] span) {
        return Math.max(LEAST_PADDING, (span[1] - span[0]) * PADDING);
    }

    /**
     * The marks of one lane: {@code members} (indexes in time order) grouped while each stays
     * within {@link #CLUSTER} units of the group's first, then neighbours whose circles would
     * overlap merged.
     */
    static List<Mark> marks(
            List<Integer> members,
            List<ReportAlert> alerts,
            IntPredicate hasDetails,
            double unitsPerSecond) {
        List<Mark> marks = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= members.size(); i++) {
            boolean ends =
                    i == members.size()
                            || (time(alerts, members, i) - time(alerts, members, start))
                                            * unitsPerSecond
                                    > CLUSTER;
            if (ends) {
                marks.add(mark(members.subList(start, i), alerts, hasDetails));
                start = i;
                while (marks.size() > 1 && overlap(marks, unitsPerSecond)) {
                    Mark last = marks.remove(marks.size() - 1);
                    marks.add(merged(marks.remove(marks.size() - 1), last, alerts));
                }
            }
        }
        return marks;
    }

    /** Whether the circles of the last two marks would touch. */
    private static boolean overlap(List<Mark> marks, double unitsPerSecond) {
        Mark a = marks.get(marks.size() - 2);
        Mark b = marks.get(marks.size() - 1);
        double distance = ((b.from() + b.to()) - (a.from() + a.to())) / 2 * unitsPerSecond;
        return distance < radius(a.count()) + radius(b.count()) + 1;
    }

    private static Mark merged(Mark a, Mark b, List<ReportAlert> alerts) {
        boolean second =
                b.link() >= 0
                        && (a.link() < 0
                                || shade(alerts.get(b.link()).score())
                                        > shade(alerts.get(a.link()).score()));
        int link = second ? b.link() : a.link();
        return new Mark(
                a.from(),
                b.to(),
                a.count() + b.count(),
                Math.max(a.score(), b.score()),
                a.first(),
                link);
    }

    private static double time(List<ReportAlert> alerts, List<Integer> members, int i) {
        return alerts.get(members.get(i)).time();
    }

    private static Mark mark(
            List<Integer> group, List<ReportAlert> alerts, IntPredicate hasDetails) {
        int score = -1;
        int link = -1;
        for (int index : group) {
            int s = shade(alerts.get(index).score());
            if (hasDetails.test(index) && (link < 0 || s > shade(alerts.get(link).score()))) {
                link = index;
            }
            score = Math.max(score, s);
        }
        double from = alerts.get(group.get(0)).time();
        double to = alerts.get(group.get(group.size() - 1)).time();
        return new Mark(from, to, group.size(), score, group.get(0), link);
    }

    private static void lane(
            StringBuilder svg,
            int number,
            Lane lane,
            List<ReportAlert> alerts,
            IntPredicate hasDetails,
            Scale scale,
            double origin) {
        int y = TOP + number * LANE + LANE / 2;
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<g class=\"lane\" data-lane=\"%d\"%s><line class=\"lane\" x1=\"%d\""
                                + " y1=\"%d\" x2=\"%d\" y2=\"%d\"/><text class=\"host\" x=\"4\""
                                + " y=\"%d\">%s <tspan class=\"n\">%d</tspan><title>%s</title>"
                                + "</text><g class=\"marks\">",
                        number,
                        laneData(lane, alerts, origin),
                        LABEL,
                        y,
                        scale.width() - RIGHT,
                        y,
                        y + 4,
                        Html.escape(shorten(lane.host(), 24)),
                        lane.alerts().size(),
                        Html.escape(lane.host() + ": " + lane.alerts().size() + " alert(s)")));
        double unitsPerSecond = scale.x(scale.from() + 1) - scale.x(scale.from());
        for (Mark mark : marks(lane.alerts(), alerts, hasDetails, unitsPerSecond)) {
            mark(svg, mark, alerts, scale, y);
        }
        svg.append("</g></g>");
    }

    /** The lane's alerts as the page's script reads them: times, shades and numbers. */
    private static String laneData(Lane lane, List<ReportAlert> alerts, double origin) {
        StringBuilder times = new StringBuilder();
        StringBuilder scores = new StringBuilder();
        StringBuilder numbers = new StringBuilder();
        for (int index : lane.alerts()) {
            ReportAlert alert = alerts.get(index);
            String separator = times.length() == 0 ? "" : " ";
            times.append(separator).append(number(alert.time() - origin));
            scores.append(separator).append(shade(alert.score()));
            numbers.append(separator).append(index + 1);
        }
        return " data-times=\""
                + times
                + "\" data-scores=\""
                + scores
                + "\" data-alerts=\""
                + numbers
                + "\"";
    }

    private static void mark(
            StringBuilder svg, Mark mark, List<ReportAlert> alerts, Scale scale, int y) {
        double x = (scale.x(mark.from()) + scale.x(mark.to())) / 2;
        svg.append(mark.link() < 0 ? "<g" : "<a href=\"#alert-" + (mark.link() + 1) + "\"");
        svg.append(
                String.format(
                        Locale.ROOT,
                        " class=\"mark\" data-from=\"%s\" data-to=\"%s\" data-count=\"%d\">"
                                + "<circle class=\"s%d\" cx=\"%.1f\" cy=\"%d\" r=\"%.1f\">"
                                + "<title>%s</title></circle>",
                        number(mark.from()),
                        number(mark.to()),
                        mark.count(),
                        mark.score(),
                        x,
                        y,
                        radius(mark.count()),
                        Html.escape(tooltip(mark, alerts))));
        if (mark.count() > 1) {
            svg.append(
                    String.format(
                            Locale.ROOT,
                            "<text class=\"count\" x=\"%.1f\" y=\"%d\">%s</text>",
                            x,
                            y + 3,
                            countLabel(mark.count())));
        }
        svg.append(mark.link() < 0 ? "</g>" : "</a>");
    }

    /** A mark's radius: 4 for one alert, growing with the logarithm of the count, at most 11. */
    static double radius(int count) {
        return Math.min(11, 4 + 2 * Math.log(count) / Math.log(2));
    }

    private static String countLabel(int count) {
        return count < 1000 ? Integer.toString(count) : (count / 1000) + "k";
    }

    private static String tooltip(Mark mark, List<ReportAlert> alerts) {
        if (mark.count() == 1) {
            ReportAlert alert = alerts.get(mark.first());
            return Values.isoTime(alert.time())
                    + "  "
                    + alert.ruleName()
                    + "  score "
                    + alert.score()
                    + "\n"
                    + shorten(alert.field("CommandLine"), 80);
        }
        String span =
                mark.from() == mark.to()
                        ? "at " + Values.isoTime(mark.from())
                        : "from "
                                + Values.isoTime(mark.from())
                                + " to "
                                + Values.isoTime(mark.to());
        return mark.count() + " alert(s) " + span + ", highest score " + mark.score();
    }

    /** Tick lines and their labels under the lanes, with the time zone at the end. */
    private static void axis(StringBuilder svg, Scale scale, int height) {
        int most = Math.max(2, (scale.width() - LABEL - RIGHT) / TICK_SPACING);
        svg.append("<g class=\"axis\">");
        for (TimeTicks.Tick tick : TimeTicks.between(scale.from(), scale.to(), most)) {
            double x = scale.x(tick.time());
            svg.append(
                    String.format(
                            Locale.ROOT,
                            "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                                    + "<text class=\"tick\" x=\"%.1f\" y=\"%d\">%s</text>",
                            x,
                            TOP,
                            x,
                            height - AXIS + 4,
                            x,
                            height - AXIS + 18,
                            Html.escape(tick.label())));
            if (tick.date() != null) {
                svg.append(
                        String.format(
                                Locale.ROOT,
                                "<text class=\"tick date\" x=\"%.1f\" y=\"%d\">%s</text>",
                                x,
                                height - AXIS + 32,
                                tick.date()));
            }
        }
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<text class=\"zone\" x=\"4\" y=\"%d\">UTC</text></g>",
                        height - AXIS + 18));
    }

    /** The score shade of a row or mark: 0 to 3. */
    static int shade(int score) {
        return Math.min(3, Math.max(0, score));
    }

    /** Seconds with at most three decimals, without trailing zeros. */
    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String shorten(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars - 1) + "\u2026";
    }
}
