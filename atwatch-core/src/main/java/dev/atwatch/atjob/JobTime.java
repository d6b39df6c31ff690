package dev.atwatch.atjob;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a job is to run, as its command line states it, and the rules to turn that into an absolute
 * time once the moment of scheduling is known.
 *
 * <p>A job time has a clock time ({@code 13:20}, {@code teatime}) or none (it starts from the
 * moment of scheduling, as {@code now} does), an optional date, an optional shift ({@code + 3
 * days}) and, when the command line fixes it, a UTC offset (a {@code Win32_ScheduledJob} start time
 * carries one; at(1) accepts {@code UTC}). Without a date, a clock time means its next occurrence,
 * as both at.exe and at(1) read it; at(1) decides that after adding a shift of minutes or hours,
 * and not at all with a shift of days or more ({@code 4pm + 3 days} is three days after today's 4
 * pm). A calendar day without a year is this year's, or next year's once it has passed.
 *
 * @param text the time as written, such as {@code now + 1 minute} or {@code
 *     ********123000.000000-300}
 * @param clock the clock time, or {@code null} for the time of scheduling
 * @param date the day, or {@code null} for the next day on which the clock time comes
 * @param shift an amount added at the end, or {@code null}
 * @param utcOffsetMinutes the UTC offset the command line states, or {@code null}
 */
public record JobTime(
        String text, LocalTime clock, DateSpec date, Shift shift, Integer utcOffsetMinutes) {

    /** How long after its minute a job may still start: schedulers wake once a minute. */
    public static final long START_SLACK_SECONDS = 60;

    /** The longest search for a listed day of a recurrence, in days. */
    private static final int MAX_SEARCH_DAYS = 4 * 366;

    /** UTC offsets in use, in minutes, from UTC-12:00 to UTC+14:00. */
    private static final List<Integer> OFFSETS_IN_USE = offsetsInUse();

    /** A day, as the command line gives it. */
    public sealed interface DateSpec {}

    /** A day counted from the day of scheduling: {@code today} is 0, {@code tomorrow} 1. */
    public record RelativeDay(int days) implements DateSpec {}

    /** The next such weekday after today: one to seven days ahead, as at(1) counts. */
    public record Weekday(DayOfWeek day) implements DateSpec {}

    /** A calendar day; without a year, its next occurrence. */
    public record CalendarDay(Integer year, int month, int day) implements DateSpec {}

    /** An amount of time added after the rest is resolved; may be negative. */
    public record Shift(long amount, ChronoUnit unit) {}

    /** A job that runs at the moment of scheduling, such as {@code batch}. */
    public static JobTime now(String text) {
        return new JobTime(text, null, null, null, null);
    }

    /** Whether the time depends on the host's clock setting (its UTC offset). */
    public boolean dependsOnOffset() {
        return utcOffsetMinutes == null && (clock != null || date != null);
    }

    /**
     * Predicts when a job scheduled at {@code eventEpochSeconds} fires.
     *
     * @param eventEpochSeconds when the job was scheduled, epoch seconds (UTC)
     * @param hostOffset the host's UTC offset, or {@code null} when unknown: then the window covers
     *     every offset in use
     * @param recurrence the job's days; a job with listed days fires on the next listed day
     * @return the window of the first run, or empty when it lies beyond the years a date can hold
     *     (a hostile {@code + 999999999 years})
     */
    public Optional<FireWindow> window(
            long eventEpochSeconds, ZoneOffset hostOffset, JobRecurrence recurrence) {
        try {
            return Optional.of(resolve(eventEpochSeconds, hostOffset, recurrence));
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private FireWindow resolve(long event, ZoneOffset hostOffset, JobRecurrence recurrence) {
        if (utcOffsetMinutes != null) {
            return exact(event, ZoneOffset.ofTotalSeconds(utcOffsetMinutes * 60), recurrence);
        }
        if (!dependsOnOffset()) {
            return exact(event, ZoneOffset.UTC, recurrence);
        }
        if (hostOffset != null) {
            return exact(event, hostOffset, recurrence);
        }
        return acrossOffsets(event, recurrence);
    }

    private FireWindow exact(long event, ZoneOffset offset, JobRecurrence recurrence) {
        long start = fireAt(event, offset, recurrence);
        return new FireWindow(start, start + START_SLACK_SECONDS, true);
    }

    private FireWindow acrossOffsets(long event, JobRecurrence recurrence) {
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        for (int minutes : OFFSETS_IN_USE) {
            long start = fireAt(event, ZoneOffset.ofTotalSeconds(minutes * 60), recurrence);
            earliest = Math.min(earliest, start);
            latest = Math.max(latest, start);
        }
        return new FireWindow(earliest, latest + START_SLACK_SECONDS, false);
    }

    /** The epoch second of the first run, the host's clock being at {@code offset}. */
    long fireAt(long event, ZoneOffset offset, JobRecurrence recurrence) {
        // Schedulers keep whole minutes: a job made at 09:48:28 "now + 1 minute" runs at 09:49.
        LocalDateTime now =
                LocalDateTime.ofEpochSecond(event, 0, offset).truncatedTo(ChronoUnit.MINUTES);
        return base(now, recurrence).toEpochSecond(offset);
    }

    private LocalDateTime base(LocalDateTime now, JobRecurrence recurrence) {
        if (clock == null && date == null) {
            return shifted(now);
        }
        LocalDate today = now.toLocalDate();
        LocalTime time = clock == null ? now.toLocalTime() : clock;
        if (date != null) {
            return shifted(day(date, today).atTime(time));
        }
        if (recurrence.mode() != JobRecurrence.Mode.ONCE) {
            LocalDate first = today.atTime(time).isAfter(now) ? today : today.plusDays(1);
            return shifted(nextListedDay(first, listedDays(recurrence, today)).atTime(time));
        }
        // A bare clock time that has passed today means tomorrow, unless a shift of whole days
        // or more says which day; at(1) decides after adding minutes and hours.
        LocalDateTime start = shifted(today.atTime(time));
        boolean dayShift = shift != null && shift.unit().compareTo(ChronoUnit.DAYS) >= 0;
        if (!dayShift && start.toLocalDate().equals(today) && !start.isAfter(now)) {
            start = start.plusDays(1);
        }
        return start;
    }

    /** at.exe's {@code /every:} or {@code /next:} without days means today's day of the month. */
    private static JobRecurrence listedDays(JobRecurrence recurrence, LocalDate today) {
        if (recurrence.hasDays()) {
            return recurrence;
        }
        TreeSet<Integer> thisDay = new TreeSet<>(List.of(today.getDayOfMonth()));
        return new JobRecurrence(recurrence.mode(), Set.of(), thisDay);
    }

    private LocalDateTime shifted(LocalDateTime start) {
        return shift == null ? start : start.plus(shift.amount(), shift.unit());
    }

    private static LocalDate nextListedDay(LocalDate from, JobRecurrence recurrence) {
        LocalDate day = from;
        for (int i = 0; i < MAX_SEARCH_DAYS && !recurrence.includes(day); i++) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static LocalDate day(DateSpec date, LocalDate today) {
        if (date instanceof RelativeDay relative) {
            return today.plusDays(relative.days());
        }
        if (date instanceof Weekday weekday) {
            return today.with(TemporalAdjusters.next(weekday.day()));
        }
        return calendarDay((CalendarDay) date, today);
    }

    private static LocalDate calendarDay(CalendarDay date, LocalDate today) {
        if (date.year() != null) {
            return LocalDate.of(date.year(), date.month(), date.day());
        }
        // This year's, or next year's once passed; February 29 waits for a leap year.
        for (int year = today.getYear(); year <= today.getYear() + 8; year++) {
            try {
                LocalDate day = LocalDate.of(year, date.month(), date.day());
                if (!day.isBefore(today)) {
                    return day;
                }
            } catch (DateTimeException e) {
                // Not a day in this year; try the next.
            }
        }
        return today;
    }

    private static List<Integer> offsetsInUse() {
        List<Integer> offsets = new ArrayList<>();
        for (int hours = -12; hours <= 14; hours++) {
            offsets.add(hours * 60);
        }
        // The offsets in use that are not whole hours.
        offsets.addAll(List.of(-570, -210, 210, 270, 330, 345, 390, 525, 570, 630, 765, 825));
        return List.copyOf(offsets);
    }
}
