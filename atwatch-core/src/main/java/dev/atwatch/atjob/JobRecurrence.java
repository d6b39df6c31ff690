package dev.atwatch.atjob;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * On which days a job runs: once, on every listed day ({@code at /every:}, {@code
 * RunRepeatedly=True}), or on the next listed day only ({@code at /next:}, or day masks without
 * {@code RunRepeatedly}).
 *
 * @param mode once, every or next
 * @param weekdays the listed days of the week
 * @param monthDays the listed days of the month, 1 to 31
 */
public record JobRecurrence(Mode mode, Set<DayOfWeek> weekdays, SortedSet<Integer> monthDays) {

    /** How the listed days are used. */
    public enum Mode {
        ONCE,
        EVERY,
        NEXT
    }

    /** A job that runs once, at the next occurrence of its time. */
    public static final JobRecurrence ONCE =
            new JobRecurrence(Mode.ONCE, EnumSet.noneOf(DayOfWeek.class), new TreeSet<>());

    public JobRecurrence {
        for (int day : monthDays) {
            if (day < 1 || day > 31) {
                throw new IllegalArgumentException("no day " + day + " in a month");
            }
        }
        weekdays = weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
        monthDays = Collections.unmodifiableSortedSet(new TreeSet<>(monthDays));
    }

    /** Whether any day is listed; a job with no listed day runs at its time's next occurrence. */
    public boolean hasDays() {
        return !weekdays.isEmpty() || !monthDays.isEmpty();
    }

    /** Whether {@code date} is a listed day. */
    public boolean includes(LocalDate date) {
        return weekdays.contains(date.getDayOfWeek()) || monthDays.contains(date.getDayOfMonth());
    }

    /**
     * The recurrence as at.exe writes it: {@code once}, or {@code every:M,W,1,15} / {@code
     * next:...} with Windows day letters (M, T, W, Th, F, S, Su) in week order, then month days.
     */
    public String describe() {
        if (mode == Mode.ONCE) {
            return "once";
        }
        StringJoiner days = new StringJoiner(",");
        for (DayOfWeek day : DayOfWeek.values()) {
            if (weekdays.contains(day)) {
                days.add(WindowsDays.letter(day));
            }
        }
        monthDays.forEach(day -> days.add(Integer.toString(day)));
        return mode.name().toLowerCase(Locale.ROOT) + ":" + days;
    }
}
