package dev.atwatch.output.html;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick marks for a time axis at round UTC times: whole seconds, minutes, hours, days, weeks
 * (Mondays), months or years, the step chosen by the span so that the axis holds a few labelled
 * ticks. The page's script chooses ticks the same way when the timeline is zoomed.
 */
final class TimeTicks {

    private static final long MINUTE = 60;
    private static final long DAY = 24 * 60 * MINUTE;

    /**
     * Fixed steps in seconds, smallest first: seconds, minutes, hours, one and two days, one and
     * two weeks; past the last one, steps are months.
     */
    private static final long[] STEPS = {
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200,
        86_400, 172_800, 604_800, 1_209_600
    };

    /** Steps in months after the fixed ones; multiples of 12 are whole years. */
    private static final int[] MONTH_STEPS = {1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200};

    /** 1970-01-05, the first Monday after the epoch: weekly ticks fall on Mondays. */
    private static final long FIRST_MONDAY = 4 * DAY;

    private static final LocalDate YEAR_ZERO = LocalDate.of(0, 1, 1);

    private static final DateTimeFormatter SECONDS = pattern("HH:mm:ss");
    private static final DateTimeFormatter MINUTES = pattern("HH:mm");
    private static final DateTimeFormatter DATE = pattern("yyyy-MM-dd");
    private static final DateTimeFormatter MONTH = pattern("yyyy-MM");
    private static final DateTimeFormatter YEAR = pattern("yyyy");

    /**
     * A tick.
     *
     * @param time epoch seconds
     * @param label the time as the step needs it ({@code 13:05}, {@code 2026-03-10}, {@code
     *     2026-03})
     * @param date the day, for ticks within a day, on the first tick and where the day changes;
     *     otherwise {@code null}
     */
    record Tick(double time, String label, String date) {}

    private TimeTicks() {}

    /**
     * The ticks within {@code [from, to]} for the smallest round step that gives at most {@code
     * most} of them. {@code from} must not be after {@code to}; {@code most} is at least 1.
     */
    static List<Tick> between(double from, double to, int most) {
        for (long step : STEPS) {
            if (Math.floor(to / step) - Math.ceil(from / step) + 1 <= most) {
                return fixedSteps(from, to, step);
            }
        }
        for (int months : MONTH_STEPS) {
            double first = Math.ceil(monthIndex(from) / months);
            if (Math.floor(monthIndex(to) / months) - first + 1 <= most) {
                return monthSteps(from, to, months);
            }
        }
        return monthSteps(from, to, MONTH_STEPS[MONTH_STEPS.length - 1]);
    }

    private static List<Tick> fixedSteps(double from, double to, long step) {
        long offset = step == 7 * DAY || step == 14 * DAY ? FIRST_MONDAY : 0;
        DateTimeFormatter format = step < MINUTE ? SECONDS : step < DAY ? MINUTES : DATE;
        List<Tick> ticks = new ArrayList<>();
        String lastDay = null;
        for (double t = Math.ceil((from - offset) / step) * step + offset; t <= to; t += step) {
            Instant instant = Instant.ofEpochSecond((long) t);
            String day = DATE.format(instant);
            boolean newDay = step < DAY && !day.equals(lastDay);
            ticks.add(new Tick(t, format.format(instant), newDay ? day : null));
            lastDay = day;
        }
        return ticks;
    }

    private static List<Tick> monthSteps(double from, double to, int months) {
        DateTimeFormatter format = months % 12 == 0 ? YEAR : MONTH;
        List<Tick> ticks = new ArrayList<>();
        long index = (long) Math.ceil(monthIndex(from) / months) * months;
        for (; ; index += months) {
            ZonedDateTime start = YEAR_ZERO.plusMonths(index).atStartOfDay(ZoneOffset.UTC);
            double t = start.toEpochSecond();
            if (t > to) {
                return ticks;
            }
            if (t >= from) {
                ticks.add(new Tick(t, format.format(start), null));
            }
        }
    }

    /**
     * Months since January of year 0 of the month holding {@code time}, plus the fraction of that
     * month gone, so that a month start has a whole index.
     */
    private static double monthIndex(double time) {
        ZonedDateTime at = Instant.ofEpochSecond((long) Math.floor(time)).atZone(ZoneOffset.UTC);
        ZonedDateTime start = at.withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC);
        double length = start.plusMonths(1).toEpochSecond() - start.toEpochSecond();
        double gone = (time - start.toEpochSecond()) / length;
        return ChronoUnit.MONTHS.between(YEAR_ZERO, start.toLocalDate()) + gone;
    }

    private static DateTimeFormatter pattern(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
    }
}
