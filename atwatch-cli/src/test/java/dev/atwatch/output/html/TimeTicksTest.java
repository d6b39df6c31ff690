package dev.atwatch.output.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ticks fall on round UTC times, the step growing with the span. */
class TimeTicksTest {

    /** 2026-03-10T13:05:10Z. */
    private static final double START = 1_773_147_910;

    private static final double MINUTE = 60;
    private static final double HOUR = 3600;
    private static final double DAY = 86_400;

    @Test
    void aFewSecondsGetTicksOnWholeSeconds() {
        List<TimeTicks.Tick> ticks = TimeTicks.between(START + 0.3, START + 20.5, 8);

        assertThat(ticks).extracting(TimeTicks.Tick::label).startsWith("13:05:15", "13:05:20");
        assertThat(ticks).allSatisfy(t -> assertThat(t.time() % 5).isZero());
        assertThat(ticks.get(0).date()).isEqualTo("2026-03-10");
        assertThat(ticks.get(1).date()).isNull();
    }

    @Test
    void threeHoursGetTicksOnTheHalfHour() {
        List<TimeTicks.Tick> ticks = TimeTicks.between(START, START + 3 * HOUR, 8);

        assertThat(ticks)
                .extracting(TimeTicks.Tick::label)
                .containsExactly("13:30", "14:00", "14:30", "15:00", "15:30", "16:00");
        assertThat(ticks).allSatisfy(t -> assertThat(t.time() % (30 * MINUTE)).isZero());
    }

    @Test
    void ticksWithinADayNameTheDayWhereItChanges() {
        List<TimeTicks.Tick> ticks = TimeTicks.between(START, START + 30 * HOUR, 8);

        assertThat(ticks).extracting(TimeTicks.Tick::label).contains("00:00");
        assertThat(ticks)
                .filteredOn(t -> t.date() != null)
                .extracting(TimeTicks.Tick::date)
                .containsExactly("2026-03-10", "2026-03-11");
    }

    @Test
    void tenDaysGetTicksAtMidnightEveryOtherDay() {
        List<TimeTicks.Tick> ticks = TimeTicks.between(START, START + 10 * DAY, 8);

        assertThat(ticks).hasSizeBetween(4, 8);
        assertThat(ticks).allSatisfy(t -> assertThat(t.time() % (2 * DAY)).isZero());
        assertThat(ticks.get(0).label()).matches("2026-03-1\\d");
        assertThat(ticks).allSatisfy(t -> assertThat(t.date()).isNull());
    }

    @Test
    void sixWeeksGetTicksOnMondays() {
        List<TimeTicks.Tick> ticks = TimeTicks.between(START, START + 42 * DAY, 8);

        assertThat(ticks)
                .allSatisfy(
                        t -> {
                            ZonedDateTime at = utc(t.time());
                            assertThat(at.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                            assertThat(at.toLocalTime().toSecondOfDay()).isZero();
                        });
    }

    @Test
    void nineMonthsGetTicksAtTheStartOfMonths() {
        List<TimeTicks.Tick> ticks = TimeTicks.between(START, START + 270 * DAY, 8);

        assertThat(ticks).hasSizeBetween(4, 8);
        assertThat(ticks)
                .allSatisfy(
                        t -> {
                            ZonedDateTime at = utc(t.time());
                            assertThat(at.getDayOfMonth()).isEqualTo(1);
                            assertThat(at.toLocalTime().toSecondOfDay()).isZero();
                            assertThat(t.label()).matches("2026-\\d\\d");
                        });
    }

    @Test
    void aMonthFitsMoreTicksWhenThereIsRoomForThem() {
        List<TimeTicks.Tick> ticks = TimeTicks.between(START, START + 270 * DAY, 12);

        assertThat(ticks)
                .extracting(TimeTicks.Tick::label)
                .containsExactly(
                        "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10",
                        "2026-11", "2026-12");
    }

    @Test
    void yearsGetTicksOnNewYearsDay() {
        List<TimeTicks.Tick> ticks = TimeTicks.between(START, START + 5 * 365 * DAY, 8);

        assertThat(ticks)
                .extracting(TimeTicks.Tick::label)
                .containsExactly("2027", "2028", "2029", "2030", "2031");
        assertThat(utc(ticks.get(0).time()).getDayOfYear()).isEqualTo(1);
    }

    @Test
    void everySpanGetsAtMostTheTicksAskedFor() {
        for (double span = 1; span < 40 * 365 * DAY; span *= 1.7) {
            for (int most = 2; most <= 12; most += 5) {
                double end = START + span;
                List<TimeTicks.Tick> ticks = TimeTicks.between(START, end, most);

                assertThat(ticks).as("span %s, most %s", span, most).hasSizeLessThanOrEqualTo(most);
                assertThat(ticks).allSatisfy(t -> assertThat(t.time()).isBetween(START, end));
            }
        }
    }

    private static ZonedDateTime utc(double time) {
        return Instant.ofEpochSecond((long) time).atZone(ZoneOffset.UTC);
    }
}
